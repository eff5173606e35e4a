"""Times numpy.einsum (optimize=True, result made contiguous, one BLAS thread) on the cases given as JSON on stdin.

Input: [{"name": ..., "equation": ..., "shapes": [[...], ...], "dtype": "float32" | "float64"}, ...]. Output: {"numpy": version, "results":
{name: best milliseconds}} on stdout. Run by bench/compare/compare.ts; the caller sets the thread variables.
"""
import json
import sys
import time

import numpy as np


def best_ms(run, budget=0.4, min_runs=5):
    run()
    best = float("inf")
    start = time.perf_counter()
    runs = 0
    while runs < min_runs or time.perf_counter() - start < budget:
        before = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - before)
        runs += 1
        if runs > 2000:
            break
    return best * 1000


def main():
    cases = json.load(sys.stdin)
    rng = np.random.default_rng(1)
    results = {}
    for case in cases:
        dtype = np.float64 if case.get("dtype") == "float64" else np.float32
        operands = [rng.standard_normal(shape, dtype=dtype) - 0.5 for shape in case["shapes"]]
        equation = case["equation"]
        # einsum may return a view (a permutation costs nothing); ascontiguousarray makes every result real memory,
        # as typed-einsum's always is.
        results[case["name"]] = best_ms(lambda: np.ascontiguousarray(np.einsum(equation, *operands, optimize=True)))
    json.dump({"numpy": np.__version__, "results": results}, sys.stdout)


main()
