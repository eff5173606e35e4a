/** Renders a comparison run as an SVG chart: per case, one bar per peer, its length peer time / our time (log scale). */

/**
 * One case of bench/results/compare-node*.json: our time and each peer's, in ms.
 *
 * @example
 * const row: CompareRow = { name: "ik,kj->ij 512", dtype: "float32", ours: 6.1, onnxruntime: 1.6 };
 */
export interface CompareRow {
  readonly name: string;
  readonly dtype: string;
  readonly ours: number;
  readonly numpy?: number;
  readonly onnxruntime?: number;
  readonly jax?: number;
  readonly tfHandWritten?: number;
}

/**
 * The part of the report the chart reads.
 *
 * @example
 * const report: CompareReport = JSON.parse(readFileSync("bench/results/compare-node24.json", "utf8"));
 */
export interface CompareReport {
  readonly date: string;
  readonly machine: string;
  readonly node: string;
  readonly kernels: string;
  readonly rows: readonly CompareRow[];
}

const peers = [
  ["numpy", "NumPy", "#8c6bb1"],
  ["onnxruntime", "onnxruntime", "#d95f02"],
  ["jax", "jax-js", "#1b9e77"],
  ["tfHandWritten", "tfjs-wasm ops", "#e7298a"],
] as const;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The SVG text of the chart; ratios are clipped to 1/30…30 so that one outlier does not flatten the rest.
 *
 * @example
 * writeFileSync("docs/compare-chart.svg", renderCompareChart(report));
 */
export function renderCompareChart(report: CompareReport): string {
  const barHeight = 7;
  const rowHeight = peers.length * barHeight + 10;
  const labelWidth = 300;
  const plotWidth = 440;
  const top = 70;
  const height = top + report.rows.length * rowHeight + 40;
  const width = labelWidth + plotWidth + 60;
  const limit = 30;
  const half = plotWidth / 2;
  const x = (ratio: number): number => labelWidth + half + (Math.log10(Math.min(limit, Math.max(1 / limit, ratio))) / Math.log10(limit)) * half;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Peer time / typed-einsum time, one thread (log scale; right of 1×: typed-einsum faster)</text>`,
    `<text x="10" y="38" fill="#555">${escape(report.machine)}, Node ${escape(report.node)}, ${escape(report.kernels)} kernels, ${escape(report.date.slice(0, 10))}</text>`,
  ];
  peers.forEach(([, title, color], index) => {
    parts.push(`<rect x="${10 + index * 130}" y="48" width="10" height="10" fill="${color}"/>`);
    parts.push(`<text x="${24 + index * 130}" y="57">${escape(title)}</text>`);
  });
  const one = x(1);
  parts.push(`<line x1="${one}" y1="${top - 4}" x2="${one}" y2="${height - 30}" stroke="#999" stroke-dasharray="3,3"/>`);
  for (const tick of [1 / 10, 10]) {
    parts.push(`<text x="${x(tick)}" y="${height - 15}" text-anchor="middle" fill="#555">${tick < 1 ? "0.1×" : "10×"}</text>`);
  }
  parts.push(`<text x="${one}" y="${height - 15}" text-anchor="middle" fill="#555">1×</text>`);
  report.rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 2}" text-anchor="end">${escape(`${row.name}${row.dtype === "float64" && !row.name.endsWith("float64") ? " float64" : ""}`)}</text>`);
    peers.forEach(([key, , color], peer) => {
      const ms = row[key];
      if (typeof ms !== "number") return;
      const end = x(ms / row.ours);
      const left = Math.min(one, end);
      parts.push(
        `<rect x="${left.toFixed(1)}" y="${y + peer * barHeight}" width="${Math.max(1, Math.abs(end - one)).toFixed(1)}" height="${barHeight - 1}" fill="${color}"/>`,
      );
    });
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}

/**
 * The Markdown table of a run, as docs/performance.md shows it: each peer's time in ms and (peer time / ours),
 * then the geometric mean of each column's ratios.
 *
 * @example
 * console.log(renderCompareTable(report));
 */
export function renderCompareTable(report: CompareReport): string {
  const lines = [
    `| case | dtype | typed-einsum | ${peers.map(([, title]) => title).join(" | ")} |`,
    `| --- | --- | ---: | ${peers.map(() => "---:").join(" | ")} |`,
  ];
  for (const row of report.rows) {
    const cells = peers.map(([key]) => {
      const ms = row[key];
      return typeof ms === "number" ? `${ms.toFixed(3)} (${(ms / row.ours).toFixed(2)}×)` : "n/a";
    });
    lines.push(`| \`${row.name.replace(/ float64$/, "")}\` | ${row.dtype} | ${row.ours.toFixed(3)} | ${cells.join(" | ")} |`);
  }
  const means = peers.map(([key]) => {
    const ratios = report.rows.flatMap((row) => (typeof row[key] === "number" ? [row[key] / row.ours] : []));
    if (ratios.length === 0) return "n/a";
    return `${Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length).toFixed(2)}×`;
  });
  lines.push(`| geometric mean | | | ${means.join(" | ")} |`);
  return lines.join("\n");
}
