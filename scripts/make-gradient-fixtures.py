"""Gradients made by PyTorch, for the tests of typed-einsum's backward pass.

Writes test/fixtures/gradients-pytorch.json: random einsum problems (ellipsis, diagonals, size-1 broadcasting,
implicit output, zero sizes, scalars, 1 to 4 operands, some with one tensor passed twice), and the article's TreeQN
transition and attention step written with PyTorch's ops. For each: the inputs, the cotangent given to backward(),
and PyTorch's result and gradients, all in float64.

It also writes test/fixtures/gradients-pytorch-wide.json: 300 more random problems from a wider generator (ranks up
to 4, a label repeated up to three times, ellipsis anywhere in the output, more labels), each checked through the
public API exactly as a user calls it.

Run with Debian's PyTorch (python3-torch), from the repository's root:

    /usr/bin/python3 scripts/make-gradient-fixtures.py
"""
import json
import random

import torch

torch.set_default_dtype(torch.float64)
rng = random.Random(20240613)
POOL = "abcdefgAB"


def values(shape):
    size = 1
    for extent in shape:
        size *= extent
    return [round(rng.uniform(-1, 1), 6) for _ in range(size)]


def operand(labels, sizes, ellipsis_sizes, chances):
    """One operand's term and shape: a label that appears once may have size 1 (broadcast), and with `ellipsis_sizes`
    (None without an ellipsis) a `...` may cover some of the last of them, each possibly of size 1."""
    shape = [sizes[label] for label in labels]
    for index, label in enumerate(labels):
        if labels.count(label) == 1 and rng.random() < chances["one"]:
            shape[index] = 1
    term = "".join(labels)
    if ellipsis_sizes is not None and rng.random() < chances["ellipsis"]:
        covered = rng.randint(0, len(ellipsis_sizes))
        at = rng.randint(0, len(labels))
        dims = [1 if rng.random() < chances["ellipsis_one"] else size for size in ellipsis_sizes[len(ellipsis_sizes) - covered:]]
        term = term[:at] + "..." + term[at:]
        shape[at:at] = dims
    return term, shape


def equation_of(terms, ellipsis_anywhere):
    """The inputs alone (implicit output) or with an output of some of their labels in random order, and `...` in
    front of them or, with `ellipsis_anywhere`, at a random place among them."""
    inputs = ",".join(terms)
    if rng.random() < 0.4:
        return inputs
    used = sorted(set(inputs.replace(".", "").replace(",", "")))
    output = [label for label in used if rng.random() < 0.5]
    rng.shuffle(output)
    if "..." in inputs:
        output.insert(rng.randint(0, len(output)) if ellipsis_anywhere else 0, "...")
    return f"{inputs}->{''.join(output)}"


def random_problem():
    sizes = {label: rng.choice([0, 1, 2, 2, 3, 3, 4]) for label in POOL}
    if rng.random() < 0.85:
        for label in POOL:
            if sizes[label] == 0:
                sizes[label] = 2
    ellipsis = rng.random() < 0.35
    ellipsis_sizes = [rng.choice([1, 2, 3]) for _ in range(rng.randint(1, 2))]
    terms, shapes = [], []
    for _ in range(rng.randint(1, 4)):
        labels = [rng.choice(POOL) for _ in range(rng.randint(0, 3))]
        term, shape = operand(labels, sizes, ellipsis_sizes if ellipsis else None, {"one": 0.15, "ellipsis": 0.7, "ellipsis_one": 0.2})
        terms.append(term)
        shapes.append(shape)
    return equation_of(terms, False), shapes


def run_case(name, equation, shapes, build, same=None):
    """Runs `build` on leaves of these shapes (leaf `same[i]` standing for operand i when given) and back-propagates."""
    datas = [values(shape) for shape in shapes]
    leaves = [torch.tensor(data).reshape(shape).requires_grad_() for data, shape in zip(datas, shapes)]
    out = build(leaves)
    cotangent = values(list(out.shape))
    out.backward(torch.tensor(cotangent).reshape(out.shape))
    return {
        "name": name,
        "equation": equation,
        "inputs": [{"shape": shape, "data": data} for shape, data in zip(shapes, datas)],
        "same": same,
        "cotangent": cotangent,
        "output": {"shape": list(out.shape), "data": out.detach().reshape(-1).tolist()},
        "gradients": [leaf.grad.reshape(-1).tolist() for leaf in leaves],
    }


cases = []
while len(cases) < 240:
    equation, shapes = random_problem()
    try:
        case = run_case(f"random {len(cases)}", equation, shapes, lambda leaves: torch.einsum(equation, *leaves))
    except RuntimeError:
        continue  # a problem PyTorch 1.13 refuses (NumPy-only broadcasting): not a fixture
    cases.append(case)

# The same tensor passed twice: PyTorch adds both contributions.
for equation, shape in [("i,i->", [3]), ("ij,jk->ik", [3, 3]), ("ij,ij,jk", [2, 2]), ("...i,i...->...", [2, 2])]:
    def twice(leaves, equation=equation):
        count = equation.split("->")[0].count(",") + 1
        return torch.einsum(equation, *([leaves[0]] * count))
    cases.append(run_case(f"one tensor passed to {equation}", equation, [shape], twice, same=[0] * (equation.split("->")[0].count(",") + 1)))

cases.append(
    run_case(
        "TreeQN transition",
        "treeqn",
        [[2, 3], [5, 3, 3], [5, 3]],
        lambda leaves: leaves[0].unsqueeze(1) + torch.tanh(torch.einsum("bk,aki->bai", leaves[0], leaves[1]) + leaves[2]),
    )
)


def attention(leaves):
    Y, ht, rt1, wY, wh, wr, wt, bM, br, w = leaves
    tmp = torch.einsum("ik,kl->il", ht, wh) + torch.einsum("ik,kl->il", rt1, wr)
    Mt = torch.tanh(torch.einsum("ijk,kl->ijl", Y, wY) + tmp.unsqueeze(1) + bM)
    at = torch.softmax(torch.einsum("ijk,k->ij", Mt, w), 1)
    return torch.einsum("ijk,ij->ik", Y, at) + torch.tanh(torch.einsum("ij,jk->ik", rt1, wt) + br)


cases.append(run_case("attention step", "attention", [[3, 5, 7], [3, 7], [3, 7], [7, 7], [7, 7], [7, 7], [7, 7], [7], [7], [7]], attention))

with open("test/fixtures/gradients-pytorch.json", "w") as file:
    json.dump({"torch": torch.__version__, "cases": cases}, file, separators=(",", ":"))
print(f"wrote {len(cases)} cases with PyTorch {torch.__version__}")

WIDE_POOL = "abcdefghABCD"


def wide_problem():
    """A random problem with up to 4 operands of rank up to 4, where labels repeat freely (diagonals of 2 or 3 axes),
    a label appearing once in an operand may have size 1 there (broadcast), and `...` may sit anywhere in the output."""
    sizes = {label: rng.choice([1, 2, 2, 3, 3, 4]) if rng.random() > 0.03 else 0 for label in WIDE_POOL}
    ellipsis = rng.random() < 0.4
    ellipsis_sizes = [rng.choice([1, 2, 3]) for _ in range(rng.randint(0, 3))]
    terms, shapes = [], []
    for _ in range(rng.randint(1, 4)):
        labels = [rng.choice(WIDE_POOL[: rng.randint(3, len(WIDE_POOL))]) for _ in range(rng.randint(0, 4))]
        term, shape = operand(labels, sizes, ellipsis_sizes if ellipsis else None, {"one": 0.2, "ellipsis": 0.75, "ellipsis_one": 0.25})
        terms.append(term)
        shapes.append(shape)
    return equation_of(terms, True), shapes


def small_enough(shapes):
    sizes = [1] * len(shapes)
    for index, shape in enumerate(shapes):
        for extent in shape:
            sizes[index] *= extent
    return max(sizes, default=1) <= 256


wide = []
while len(wide) < 300:
    equation, shapes = wide_problem()
    if not small_enough(shapes):
        continue
    try:
        case = run_case(f"wide {len(wide)}", equation, shapes, lambda leaves: torch.einsum(equation, *leaves))
    except RuntimeError:
        continue  # a problem PyTorch 1.13 refuses (NumPy-only broadcasting): not a fixture
    if len(case["output"]["data"]) > 256:
        continue
    wide.append(case)

with open("test/fixtures/gradients-pytorch-wide.json", "w") as file:
    json.dump({"torch": torch.__version__, "cases": wide}, file, separators=(",", ":"))
print(f"wrote {len(wide)} wide cases with PyTorch {torch.__version__}")
