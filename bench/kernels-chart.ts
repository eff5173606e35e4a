/** Renders the kernel benchmark results as an SVG bar chart of the speed-up over a plain loop (log scale). */

/**
 * One benchmark case as written to bench/results/kernels-node24.json.
 *
 * @example
 * const result: BenchResult = { name: "ii-> 2000", unit: "GB/s", oursMs: 0.01, plainMs: 0.007, oursRate: 1.6, plainRate: 2.2, ratio: 0.7 };
 */
export interface BenchResult {
  readonly name: string;
  readonly unit: "GFLOP/s" | "GB/s";
  readonly oursMs: number;
  readonly plainMs: number;
  readonly oursRate: number;
  readonly plainRate: number;
  readonly ratio: number;
}

/**
 * The whole report.
 *
 * @example
 * const report: BenchReport = JSON.parse(readFileSync("bench/results/kernels-node24.json", "utf8"));
 */
export interface BenchReport {
  readonly date: string;
  readonly machine: string;
  readonly node: string;
  readonly results: readonly BenchResult[];
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The SVG text of the chart: one bar per case, its length the ratio (plain loop time / our time) on a log axis.
 *
 * @example
 * writeFileSync("docs/kernels-chart.svg", renderChart(report));
 */
export function renderChart(report: BenchReport): string {
  const rowHeight = 26;
  const labelWidth = 300;
  const plotWidth = 420;
  const top = 50;
  const height = top + report.results.length * rowHeight + 40;
  const width = labelWidth + plotWidth + 140;
  const maxRatio = Math.max(10, ...report.results.map((result) => result.ratio));
  const minRatio = Math.min(0.5, ...report.results.map((result) => result.ratio));
  const logMin = Math.log10(minRatio);
  const scale = (ratio: number): number => ((Math.log10(ratio) - logMin) / (Math.log10(maxRatio) - logMin)) * plotWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">typed-einsum kernels: speed-up over a plain loop (log scale)</text>`,
    `<text x="10" y="38" fill="#555">${escape(report.machine)}, Node ${escape(report.node)}, ${escape(report.date.slice(0, 10))}</text>`,
  ];
  const one = labelWidth + scale(1);
  parts.push(`<line x1="${one}" y1="${top - 6}" x2="${one}" y2="${height - 30}" stroke="#999" stroke-dasharray="3,3"/>`);
  parts.push(`<text x="${one}" y="${height - 15}" text-anchor="middle" fill="#555">1× (plain loop)</text>`);
  report.results.forEach((result, index) => {
    const y = top + index * rowHeight;
    const barWidth = Math.max(1, scale(result.ratio));
    const color = result.unit === "GFLOP/s" ? "#3b6ea5" : "#5a9e5a";
    parts.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escape(result.name)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 3}" width="${barWidth.toFixed(1)}" height="${rowHeight - 8}" fill="${color}"/>`);
    parts.push(
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}">${result.ratio.toFixed(1)}× · ${result.oursRate.toFixed(1)} ${result.unit}</text>`,
    );
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}

/**
 * The Markdown table of a kernel run, as docs/performance.md shows it.
 *
 * @example
 * console.log(renderKernelsTable(report));
 */
export function renderKernelsTable(report: BenchReport): string {
  const lines = ["| case | typed-einsum | | plain loop | | ratio |", "| --- | ---: | ---: | ---: | ---: | ---: |"];
  for (const result of report.results) {
    lines.push(
      `| \`${result.name}\` | ${result.oursMs.toFixed(3)} ms | ${result.oursRate.toFixed(2)} ${result.unit} | ` +
        `${result.plainMs.toFixed(3)} ms | ${result.plainRate.toFixed(2)} ${result.unit} | ${result.ratio.toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}
