/**
 * Prints the Markdown table of a benchmark run saved in bench/results (a kernel run or a comparison run), as
 * docs/performance.md shows it: `node .bench-build/bench/results-table.js bench/results/compare-node24.json`.
 */
import { readFileSync } from "node:fs";
import { renderCompareTable, type CompareReport } from "./compare/compare-chart.js";
import { renderKernelsTable, type BenchReport } from "./kernels-chart.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: results-table.js bench/results/<kernels|compare>-node<major>.json");
const report = JSON.parse(readFileSync(file, "utf8")) as BenchReport | CompareReport;
console.log("results" in report ? renderKernelsTable(report) : renderCompareTable(report));
