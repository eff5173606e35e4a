// Runs the playground's code (JavaScript, as a module) in a dedicated worker: what it logs goes to the page.

const show = (value) => {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.stack?.includes(value.message) ? `${value.name}: ${value.message}` : String(value);
  if (typeof value === "object" && value !== null) {
    if (typeof value.toString === "function" && value.toString !== Object.prototype.toString && !Array.isArray(value)) {
      return String(value);
    }
    try {
      return JSON.stringify(value, (key, item) => (ArrayBuffer.isView(item) ? Array.from(item) : item));
    } catch {
      return String(value);
    }
  }
  return String(value);
};

for (const level of ["log", "info", "debug", "warn", "error"]) {
  console[level] = (...values) => postMessage({ kind: "log", level, text: values.map(show).join(" ") });
}

/** A module (`code`), or on a file:// page the body of an async function (`body`, see run.js). */
async function execute({ code, body }) {
  if (body !== undefined) {
    const AsyncFunction = (async () => undefined).constructor;
    await new AsyncFunction(body)();
    return;
  }
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  try {
    await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

self.onmessage = async (event) => {
  try {
    await execute(event.data);
    postMessage({ kind: "done" });
  } catch (error) {
    postMessage({ kind: "failed", text: show(error) });
  }
};
postMessage({ kind: "ready" });
