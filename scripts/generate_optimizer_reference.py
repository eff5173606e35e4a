"""Writes the optimizer's reference data, made by opt_einsum:

- test/fixtures/optimizer/reference-paths.json: 60 contractions (opt_einsum's own test and documentation
  equations, its seeded random equations, random regular graphs, a lattice and a matrix chain), each searched by
  opt_einsum's optimal, branch-all, branch-2, dp, greedy, auto and auto-hq where eligible and finished within the
  timeout, and the same under memory limits;
- test/fixtures/optimizer/benchmark-sample.json: larger seeded networks of 25 to 500 tensors (random graphs in the
  style of the einsum_benchmark random instances, a mixed network with hyperedges and traces, a random 3-regular
  graph of 120 tensors), each with the cost of opt_einsum's greedy and of its random-greedy with 128 trials (seeded by opt_einsum per run); the
  cheaper is the network's best known cost.

All costs use opt_einsum's `PathInfo.opt_cost`. Command (any python3 with NumPy and opt_einsum 3.4):

    python3 scripts/generate_optimizer_reference.py test/fixtures/optimizer

It takes a few minutes: each search runs in its own process with a timeout.
"""

import json
import multiprocessing
import os
import platform
import sys
import time

import numpy as np
import opt_einsum as oe
from opt_einsum.testing import build_shapes, rand_equation

METHODS = ["optimal", "branch-all", "branch-2", "dp", "greedy", "auto", "auto-hq"]
# the most operands a method is run on (opt_einsum's exhaustive searches grow factorially)
ELIGIBLE = {"optimal": 9, "branch-all": 10, "branch-2": 40}
TIMEOUT_S = 30
MEMORY_METHODS = ["optimal", "branch-2", "dp", "greedy", "auto"]

# opt_einsum's test equations (tests/test_contract.py), with its default sizes (opt_einsum.testing.build_shapes)
OE_TESTS = [
    ",ab,->ab", ",,->", "a,ab,abc->abc", "a,b,ab->ab", "ea,fb,gc,hd,abcd->efgh", "ea,fb,abcd,gc,hd->efgh",
    "abcd,ea,fb,gc,hd->efgh", "acdf,jbje,gihb,hfac,gfac,gifabc,hfac", "cd,bdhe,aidb,hgca,gc,hgibcd,hgac",
    "abhe,hidj,jgba,hiab,gab", "bde,cdh,agdb,hica,ibd,hgicd,hiac", "chd,bde,agbc,hiad,hgc,hgi,hiad",
    "chd,bde,agbc,hiad,bdi,cgh,agdb", "bdhe,acad,hiab,agac,hibd", "ab,ab,c->", "ab,ab,c->c", "ab,ab,cd,cd->",
    "ab,ab,cd,cd->ac", "ab,ab,cd,cd->cd", "ab,ab,cd,cd,ef,ef->", "ab,cd,ef->abcdef", "ab,cd,ef->acdf",
    "ab,cd,de->abcde", "ab,cd,de->be", "ab,bcd,cd->abcd", "ab,bcd,cd->abd", "eb,cb,fb->cef", "dd,fb,be,cdb->cef",
    "bca,cdb,dbf,afc->", "dcc,fce,ea,dbf->ab", "fdf,cdd,ccd,afe->ae", "ed,fcd,ff,bcf->be", "baa,dcf,af,cde->be",
    "bd,db,eac->ace", "fff,fae,bef,def->abd", "efc,dbc,acf,fd->abe", "aab,fa,df,ecc->bde", "ecb,fef,bad,ed->ac",
    "bcf,bbb,fbf,fc->", "bb,ff,be->e", "bcb,bb,fc,fff->", "fbb,dfd,fc,fc->", "afd,ba,cc,dc->bf", "adb,bc,fa,cfc->d",
    "bbd,bda,fc,db->acf", "dba,ead,cad->bce", "aef,fbc,dca->bde",
]


def uniform(equation, size):
    """Shapes of an equation whose every label has the same size."""
    return [[size] * len(term) for term in equation.split("->")[0].split(",")]


def random_regular(count, degree, size, seed):
    """A random regular graph (pairing model, retried until simple); each edge is a label."""
    rng = np.random.default_rng(seed)
    while True:
        stubs = rng.permutation(np.repeat(np.arange(count), degree))
        edges = [tuple(sorted((int(stubs[i]), int(stubs[i + 1])))) for i in range(0, len(stubs), 2)]
        if all(a != b for a, b in edges) and len(set(edges)) == len(edges):
            break
    terms = [[] for _ in range(count)]
    for label, (a, b) in enumerate(edges):
        terms[a].append(oe.get_symbol(label))
        terms[b].append(oe.get_symbol(label))
    equation = ",".join("".join(term) for term in terms) + "->"
    return equation, uniform(equation, size)


def lattice(rows, columns, size):
    """A square lattice; each tensor lists its down, up, right and left bonds."""
    names = {}

    def bond(a, b):
        key = (min(a, b), max(a, b))
        if key not in names:
            names[key] = oe.get_symbol(len(names))
        return names[key]

    terms = []
    for row in range(rows):
        for column in range(columns):
            here = (row, column)
            neighbours = [(row + 1, column), (row - 1, column), (row, column + 1), (row, column - 1)]
            terms.append(
                "".join(bond(here, there) for there in neighbours if 0 <= there[0] < rows and 0 <= there[1] < columns)
            )
    equation = ",".join(terms) + "->"
    return equation, uniform(equation, size)


def contractions():
    """The 60 reference contractions: (name, equation, shapes)."""
    cases = [(f"oe_tests_{index:02d}", eq, [list(shape) for shape in build_shapes(eq)]) for index, eq in enumerate(OE_TESTS)]
    memory_expr = "abc,bdef,fghj,cem,mhk,ljk->adgl"
    cases.append(("oe_paths_memory_expr", memory_expr, [list(shape) for shape in build_shapes(memory_expr)]))
    for name, eq, size in [
        ("oe_paths_optimal_edge", "a,ac,ab,ad,cd,bd,bc->", 20),
        ("oe_paths_greedy_edge", "abc,cfd,dbe,efa->", 20),
        ("oe_docs_index_transform", "ea,fb,abcd,gc,hd->efgh", 10),
        ("oe_docs_perturbation", "bdik,acaj,ikab,ajac,ikbd->", 10),
    ]:
        cases.append((name, eq, uniform(eq, size)))
    outer = "ab,cd,ef,fg->abcdeg"
    cases.insert(-2, ("oe_paths_outer", outer, [[10, 10], [10, 10], [10, 10], [10, 2]]))
    for count, regularity, outputs, seed in [(8, 4, 0, 42), (12, 3, 2, 1), (20, 3, 0, 3)]:
        eq, shapes = rand_equation(count, regularity, n_out=outputs, seed=seed)[:2]
        cases.append((f"rand_eq_n{count}_r{regularity}_o{outputs}_s{seed}", eq, [list(shape) for shape in shapes]))
    for count, size in [(8, 4), (20, 2)]:
        cases.append((f"randreg_n{count}_k3_D{size}", *random_regular(count, 3, size, seed=count)))
    cases.append(("lattice_6x6_D4", *lattice(6, 6, 4)))
    chain = [30, 35, 15, 5, 10, 20, 25, 40, 8, 12, 60, 7, 50]
    letters = "abcdefghijklm"
    cases.append(
        (
            "matrix_chain_12",
            ",".join(letters[i] + letters[i + 1] for i in range(12)) + "->am",
            [[chain[i], chain[i + 1]] for i in range(12)],
        )
    )
    return cases


def integer_network(eq, shapes):
    """The network with integer labels, numbered in order of first appearance."""
    left, right = eq.split("->")
    ids, sizes = {}, []
    inputs = []
    for term, shape in zip(left.split(","), shapes):
        labels = []
        for symbol, size in zip(term, shape):
            if symbol not in ids:
                ids[symbol] = len(ids)
                sizes.append(size)
            labels.append(ids[symbol])
        inputs.append(labels)
    return inputs, [ids[symbol] for symbol in right], sizes


def explicit(eq):
    """The equation with its implicit output written out (opt_einsum's rule: labels seen once, sorted)."""
    if "->" in eq:
        return eq
    counts = {}
    for symbol in eq.replace(",", ""):
        counts[symbol] = counts.get(symbol, 0) + 1
    return eq + "->" + "".join(sorted(symbol for symbol, count in counts.items() if count == 1))


def search(eq, shapes, method, memory_limit, queue):
    try:
        started = time.perf_counter()
        path, info = oe.contract_path(eq, *shapes, shapes=True, optimize=method, memory_limit=memory_limit)
        elapsed = time.perf_counter() - started
        queue.put(
            {
                "status": "ok",
                "path": [list(step) for step in path],
                "opt_cost": int(info.opt_cost),
                "largest_intermediate": int(info.largest_intermediate),
                "time_s_min": elapsed,
            }
        )
    except Exception as error:  # opt_einsum refuses some method and limit combinations
        queue.put({"status": "error", "error": f"{type(error).__name__}: {error}"})


def run(eq, shapes, method, memory_limit=None):
    """One search in its own process, stopped after the timeout."""
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=search, args=(eq, shapes, method, memory_limit, queue))
    process.start()
    process.join(TIMEOUT_S)
    if process.is_alive():
        process.kill()
        process.join()
        return {"status": "timeout", "timeout_s": TIMEOUT_S}
    return queue.get() if not queue.empty() else {"status": "error", "error": "no result"}


def reference_paths():
    cases = []
    for name, eq, shapes in contractions():
        inputs, output, sizes = integer_network(explicit(eq), shapes)
        methods = {}
        for method in METHODS:
            limit = ELIGIBLE.get(method)
            methods[method] = {"status": "skipped"} if limit is not None and len(shapes) > limit else run(eq, shapes, method)
        print(f"{name}: " + ", ".join(f"{m} {r.get('opt_cost', r['status'])}" for m, r in methods.items()), file=sys.stderr)
        cases.append(
            {
                "name": name,
                "eq": eq,
                "shapes": shapes,
                "n_inputs": len(shapes),
                "inputs_int": inputs,
                "output_int": output,
                "size_int": sizes,
                "methods": methods,
            }
        )
    by_name = {case["name"]: case for case in cases}
    memory_cases = []
    limited = [("oe_paths_memory_expr", limit) for limit in (5, -1, "max_input")]
    limited += [("oe_paths_optimal_edge", "max_input"), ("oe_paths_greedy_edge", "max_input")]
    eq, shapes = rand_equation(10, 4, n_out=0, seed=43)[:2]
    by_name["rand_eq_n10_r4_o0_s43"] = {"eq": explicit(eq), "shapes": [list(shape) for shape in shapes]}
    limited += [("rand_eq_n10_r4_o0_s43", 2016), ("rand_eq_n10_r4_o0_s43", 2015)]
    for name, limit in limited:
        case = by_name[name]
        methods = {}
        for method in MEMORY_METHODS:
            bound = ELIGIBLE.get(method)
            if bound is not None and len(case["shapes"]) > bound:
                continue
            methods[method] = run(case["eq"], case["shapes"], method, None if limit == -1 else limit)
        memory_cases.append({"name": name, "eq": case["eq"], "shapes": case["shapes"], "memory_limit": limit, "methods": methods})
    return {
        "generated_by": f"scripts/generate_optimizer_reference.py with opt_einsum {oe.__version__}",
        "command": "python3 scripts/generate_optimizer_reference.py test/fixtures/optimizer",
        "opt_einsum": oe.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "eligibility_max_n": ELIGIBLE,
        "timeout_s": TIMEOUT_S,
        "cost_convention": "opt_einsum PathInfo.opt_cost",
        "cases": cases,
        "memory_limit_cases": memory_cases,
    }


def random_graph_network(count, seed):
    """A connected random graph with mean degree 3, bond sizes 2 to 6 and a few open legs (the output)."""
    rng = np.random.default_rng(seed)
    edges = set()
    order = rng.permutation(count)
    for index in range(1, count):
        a, b = int(order[index]), int(order[int(rng.integers(0, index))])
        edges.add((min(a, b), max(a, b)))
    while len(edges) < round(1.5 * count):
        a, b = (int(value) for value in rng.integers(0, count, size=2))
        if a != b:
            edges.add((min(a, b), max(a, b)))
    inputs = [[] for _ in range(count)]
    sizes = []
    for label, (a, b) in enumerate(sorted(edges)):
        inputs[a].append(label)
        inputs[b].append(label)
        sizes.append(int(rng.integers(2, 7)))
    output = []
    for tensor in rng.choice(count, size=max(1, count // 15), replace=False):
        label = len(sizes)
        inputs[int(tensor)].append(label)
        output.append(label)
        sizes.append(int(rng.integers(2, 7)))
    return inputs, output, sizes


def mixed_network(count, seed):
    """Tensors of four labels drawn near their position, so that labels repeat (traces) and join up to six
    tensors (hyperedges), sizes 2 to 8, and ten output labels."""
    rng = np.random.default_rng(seed)
    label_count = int(count * 1.04)
    inputs = []
    for tensor in range(count):
        centre = tensor * label_count / count
        inputs.append([int(min(label_count - 1, max(0, centre + rng.integers(-8, 9)))) for _ in range(4)])
    used = sorted({label for labels in inputs for label in labels})
    renumber = {label: index for index, label in enumerate(used)}
    inputs = [[renumber[label] for label in labels] for labels in inputs]
    sizes = [int(rng.integers(2, 9)) for _ in used]
    output = sorted(int(label) for label in rng.choice(len(used), size=10, replace=False))
    return inputs, output, sizes


def equation_of(inputs, output):
    symbol = oe.get_symbol
    return ",".join("".join(symbol(label) for label in labels) for labels in inputs) + "->" + "".join(
        symbol(label) for label in output
    )


def sample_networks():
    """The sample's networks: (name, inputs, output, sizes)."""
    networks = [(f"random_graph_{count}_{seed}", *random_graph_network(count, seed)) for count, seed in
                [(25, 1), (30, 2), (35, 3), (40, 4), (45, 5), (50, 6), (55, 7), (60, 8), (70, 9), (75, 10)]]
    networks.append(("mixed_500", *mixed_network(500, 11)))
    regular_eq, regular_shapes = random_regular(120, 3, 2, seed=12)
    networks.append(("random_regular_120", *integer_network(regular_eq, regular_shapes)))
    for count, seed in [(30, 13), (40, 14), (50, 15), (60, 16), (80, 17), (100, 18), (150, 19)]:
        networks.append((f"random_regular_{count}", *integer_network(*random_regular(count, 3, 2, seed=seed))))
    for side in [6, 8, 10, 12]:
        networks.append((f"lattice_{side}x{side}", *integer_network(*lattice(side, side, 2))))
    for count, seed in [(30, 20), (50, 21), (80, 22), (120, 23), (150, 24)]:
        eq, shapes = rand_equation(count, 3, n_out=2, d_min=2, d_max=4, seed=seed)[:2]
        networks.append((f"rand_eq_{count}", *integer_network(eq, [list(shape) for shape in shapes])))
    return networks


def sample():
    instances = []
    for name, inputs, output, sizes in sample_networks():
        eq = equation_of(inputs, output)
        shapes = [[sizes[label] for label in labels] for labels in inputs]
        greedy = oe.contract_path(eq, *shapes, shapes=True, optimize="greedy")[1]
        costs = {"greedy": int(greedy.opt_cost)}
        for trials in [128, 512]:
            optimizer = oe.RandomGreedy(max_repeats=trials, parallel=False)
            costs[f"random-greedy-{trials}"] = int(oe.contract_path(eq, *shapes, shapes=True, optimize=optimizer)[1].opt_cost)
        print(f"{name}: {costs}", file=sys.stderr)
        instances.append(
            {
                "name": name,
                "inputs": inputs,
                "output": output,
                "sizes": sizes,
                "opt_einsum": costs,
                "best_known_opt_cost": min(costs.values()),
            }
        )
    return {
        "generated_by": f"scripts/generate_optimizer_reference.py with opt_einsum {oe.__version__}",
        "command": "python3 scripts/generate_optimizer_reference.py test/fixtures/optimizer sample",
        "best_known": "the cheapest of opt_einsum's greedy and random-greedy (128 and 512 trials, each seeded by its run number), by opt_cost",
        "instances": instances,
    }


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # opt_einsum's greedy breaks ties in the order of Python sets of label symbols: fix string hashing so
        # that every run writes the same data
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    folder = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/optimizer"
    os.makedirs(folder, exist_ok=True)
    parts = sys.argv[2:] or ["reference", "sample"]
    if "reference" in parts:
        with open(os.path.join(folder, "reference-paths.json"), "w") as file:
            json.dump(reference_paths(), file, separators=(",", ":"))
            file.write("\n")
    if "sample" in parts:
        with open(os.path.join(folder, "benchmark-sample.json"), "w") as file:
            json.dump(sample(), file, separators=(",", ":"))
            file.write("\n")


if __name__ == "__main__":
    main()
