// The Problems panel: the compiler's current errors, one item each with its line:column and its whole message.

/**
 * Shows `list` in `panel` (the diagnostics hook) and its size in `count`; a click on an item puts the editor's
 * cursor on the error.
 * @param {{ panel: HTMLElement, count: HTMLElement, editor: any }} where
 * @param {{ line: number, column: number, code: number, message: string }[]} list
 */
export function showProblems({ panel, count, editor }, list) {
  panel.replaceChildren();
  for (const problem of list) {
    const item = document.createElement("li");
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `${problem.line}:${problem.column}`;
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = problem.message;
    item.append(where, message);
    item.title = `TS${problem.code}`;
    item.addEventListener("click", () => {
      editor.setPosition({ lineNumber: problem.line, column: problem.column });
      editor.revealLineInCenter(problem.line);
      editor.focus();
    });
    panel.append(item);
  }
  count.textContent = list.length === 0 ? "none" : String(list.length);
  count.className = `count ${list.length === 0 ? "good" : "bad"}`;
}
