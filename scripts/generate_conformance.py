"""Writes test/fixtures/conformance.json: random einsum cases whose expected results come from NumPy.

Each case is computed by `numpy.einsum(..., optimize=False)`. Where PyTorch imports, every case is also computed by
`torch.einsum` in float64 and kept only when the two agree (exactly for small-integer data, to 1e-9 relative
otherwise); the file records which versions made it. The refusals at the end are checked to be refused by NumPy
(and PyTorch, where present).

Command (Debian's python3 has both NumPy and PyTorch; any python3 with NumPy works without the cross-check):

    /usr/bin/python3 scripts/generate_conformance.py > test/fixtures/conformance.json

Options: --seed N (default 7), --count N (default 300).
"""

import argparse
import json
import sys

import numpy as np

try:
    import torch
except Exception:  # PyTorch is optional: without it the cases are NumPy's alone
    torch = None

LOWER = "abcdefgh"
UPPER = "ABC"

REFUSALS = [
    ("ij,jk->ik", [[2, 3], [4, 5]], "size mismatch for shared label"),
    ("ij->ik", [[2, 3]], "output label not in any input"),
    ("ij->ii", [[2, 2]], "repeated output label"),
    ("ijk->ij", [[2, 3]], "rank below subscript count"),
    ("ij->ij", [[2, 3, 4]], "rank above subscript count"),
    ("ij,jk->ik", [[2, 3]], "too few operands"),
    ("ij->ij", [[2, 3], [3, 4]], "too many operands"),
    ("i1,1j->ij", [[2, 3], [3, 4]], "invalid character"),
    ("ii->i", [[2, 3]], "repeated label with unequal sizes in one operand"),
    ("ij->j->i", [[2, 3]], "two arrows"),
    ("i...j...->ij", [[2, 3, 4, 5]], "two ellipses in one operand"),
    ("i..j->ij", [[2, 3, 4]], "malformed ellipsis"),
    ("ij-ji", [[2, 3]], "malformed arrow"),
    ("ij,ij->ij", [[2, 3], [3, 2]], "size mismatch, same label order"),
    ("ab,bc,cd->ad", [[2, 3], [3, 4], [5, 6]], "mismatch in a chain"),
]


def random_case(rng):
    """An equation with shapes: implicit or explicit output, ellipses, diagonals, size-1 broadcasting, spaces."""
    operand_count = int(rng.choice([1, 2, 3, 4, 5, 6], p=[0.22, 0.28, 0.19, 0.09, 0.12, 0.10]))
    pool = list(rng.choice(list(LOWER), size=int(rng.integers(2, 9)), replace=False))
    if rng.random() < 0.15:
        pool += list(rng.choice(list(UPPER), size=int(rng.integers(1, 4)), replace=False))
    sizes = {label: int(rng.choice([0, 1, 2, 3, 4, 5], p=[0.03, 0.17, 0.25, 0.25, 0.15, 0.15])) for label in pool}
    use_ellipsis = rng.random() < 0.14
    batch = [int(rng.choice([1, 2, 3])) for _ in range(int(rng.integers(0, 3)))] if use_ellipsis else []
    terms, shapes = [], []
    for _ in range(operand_count):
        rank = int(rng.choice([0, 1, 2, 3, 4], p=[0.15, 0.25, 0.3, 0.2, 0.1]))
        labels = [str(label) for label in rng.choice(pool, size=rank)]
        shape = [1 if sizes[label] > 1 and rng.random() < 0.05 else sizes[label] for label in labels]
        # a repeated label in one operand is a diagonal: its axes must agree
        for label in set(labels):
            axes = [axis for axis, other in enumerate(labels) if other == label]
            for axis in axes:
                shape[axis] = shape[axes[0]]
        term = "".join(labels)
        if use_ellipsis and rng.random() < 0.7:
            kept = batch[len(batch) - int(rng.integers(0, len(batch) + 1)):]
            extra = [1 if size > 1 and rng.random() < 0.2 else size for size in kept]
            cut = int(rng.integers(0, len(labels) + 1))
            term = "".join(labels[:cut]) + "..." + "".join(labels[cut:])
            shape = shape[:cut] + extra + shape[cut:]
        terms.append(term)
        shapes.append(shape)
    present = sorted({label for term in terms for label in term if label != "."})
    equation = ",".join(terms)
    if rng.random() < 0.75:
        chosen = [str(label) for label in rng.permutation(present)[: int(rng.integers(0, len(present) + 1))]]
        output = "".join(chosen)
        if "..." in equation:
            cut = int(rng.integers(0, len(output) + 1))
            output = output[:cut] + "..." + output[cut:]
        equation += "->" + output
    if rng.random() < 0.14:
        equation = equation.replace(",", " , ").replace("->", " -> ")
    return equation, shapes


def operand_data(rng, shape, exact):
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if exact:
        return [float(value) for value in rng.integers(-3, 4, size=count)]
    return [round(float(value), 6) for value in rng.uniform(-1, 1, size=count)]


def numpy_result(equation, arrays):
    return np.einsum(equation, *arrays, optimize=False)


def torch_agrees(equation, arrays, expected, exact):
    if torch is None:
        return True
    try:
        got = torch.einsum(equation, *[torch.tensor(array, dtype=torch.float64) for array in arrays]).numpy()
    except Exception:
        return False
    if tuple(got.shape) != tuple(expected.shape):
        return False
    if exact:
        return bool(np.array_equal(got, expected))
    return bool(np.allclose(got, expected, rtol=1e-9, atol=1e-12))


def refused(function):
    try:
        function()
    except Exception:
        return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=int, default=300)
    arguments = parser.parse_args()
    rng = np.random.default_rng(arguments.seed)
    cases, dropped = [], 0
    while len(cases) < arguments.count:
        equation, shapes = random_case(rng)
        if sum(int(np.prod(shape, dtype=np.int64)) for shape in shapes) > 400:
            continue
        exact = bool(rng.random() < 0.7)
        data = [operand_data(rng, shape, exact) for shape in shapes]
        arrays = [np.array(values, dtype=np.float64).reshape(shape) for values, shape in zip(data, shapes)]
        try:
            expected = numpy_result(equation, arrays)
        except Exception:
            continue  # NumPy refuses it (for instance sizes that do not broadcast): not a conformance case
        if expected.size > 2000:
            continue
        if not torch_agrees(equation, arrays, expected, exact):
            dropped += 1
            continue
        cases.append(
            {
                "id": f"r{arguments.seed}-{len(cases)}",
                "eq": equation,
                "operands": [{"shape": shape, "data": values} for shape, values in zip(shapes, data)],
                "expected": {"shape": list(expected.shape), "data": [float(value) for value in expected.reshape(-1)]},
                "exact": exact,
            }
        )
    errors = []
    for equation, shapes, why in REFUSALS:
        arrays = [np.zeros(shape) for shape in shapes]
        if not refused(lambda: np.einsum(equation, *arrays, optimize=False)):
            raise SystemExit(f"NumPy accepts the refusal {equation} ({why})")
        if torch is not None and not refused(lambda: torch.einsum(equation, *[torch.zeros(shape) for shape in shapes])):
            raise SystemExit(f"PyTorch accepts the refusal {equation} ({why})")
        errors.append({"eq": equation, "shapes": shapes, "why": why})
    generator = "numpy.einsum(optimize=False)" + (", cross-checked with torch.einsum" if torch is not None else "")
    document = {
        "generator": generator,
        "command": "/usr/bin/python3 scripts/generate_conformance.py > test/fixtures/conformance.json",
        "numpy": np.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "seed": arguments.seed,
        "dropped_by_cross_check": dropped,
        "cases": cases,
        "errors": errors,
    }
    json.dump(document, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
