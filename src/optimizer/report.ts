import type { PathInfo } from "./path-summary.js";

/**
 * A number as numpy's report prints it: three decimals and a two-digit exponent.
 *
 * @example
 * formatScientific(8000); //=> "8.000e+03"
 */
export function formatScientific(value: number): string {
  const [mantissa, exponent = "0"] = value.toExponential(3).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
  return `${mantissa}e${sign}${digits}`;
}

/**
 * The report of a path, laid out like `numpy.einsum_path`'s, with each step's cost.
 *
 * @example
 * formatReport(contractPath("ij,jk,kl->il", [2, 3], [3, 4], [4, 5]), 4);
 * //=> "  Complete contraction:  ij,jk,kl->il\n         Naive scaling:  4\n..."
 */
export function formatReport(info: PathInfo, naiveScaling: number): string {
  const optimizedScaling = Math.max(0, ...info.steps.map((step) => step.scaling));
  const rule = "-".repeat(88);
  const lines = [
    `  Complete contraction:  ${info.equation}`,
    `         Naive scaling:  ${naiveScaling}`,
    `     Optimized scaling:  ${optimizedScaling}`,
    `      Naive FLOP count:  ${formatScientific(info.naiveFlops)}`,
    `  Optimized FLOP count:  ${formatScientific(info.flops)}`,
    `   Theoretical speedup:  ${info.speedup.toFixed(3)}`,
    `  Largest intermediate:  ${formatScientific(info.largestIntermediate)} elements`,
    ...(info.slicing === undefined
      ? []
      : [
          `         Sliced labels:  ${info.slicing.names} (${info.slicing.slices} slices)`,
          `  FLOP count per slice:  ${formatScientific(info.slicing.sliceFlops)}`,
          `     Shared FLOP count:  ${formatScientific(info.slicing.sharedFlops)} (once, before the slices)`,
        ]),
    ...(info.search.complete
      ? []
      : [`         Search status:  stopped by ${info.search.stoppedBy ?? "its budget"} after ${info.search.trials} trials`]),
    rule,
    `${"scaling".padEnd(9)}${"flops".padStart(11)}   ${"current".padStart(28)}   ${"remaining".padStart(31)}`,
    rule,
  ];
  for (const step of info.steps) {
    lines.push(
      `${String(step.scaling).padStart(4).padEnd(9)}${formatScientific(step.flops).padStart(11)}   ${step.einsum.padStart(28)}   ${step.remaining.padStart(31)}`,
    );
  }
  return lines.join("\n");
}
