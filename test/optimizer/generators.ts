import type { Network } from "../../src/optimizer/network.js";
import { seededRandom } from "../../src/optimizer/random.js";

/**
 * Generated tensor networks, each with a scalar output unless stated: every edge is a label of the given size.
 */
function fromEdges(count: number, edges: readonly (readonly [number, number])[], size: number): Network {
  const inputs: number[][] = Array.from({ length: count }, () => []);
  edges.forEach(([a, b], label) => {
    inputs[a]?.push(label);
    inputs[b]?.push(label);
  });
  return { inputs, output: [], sizes: edges.map(() => size) };
}

/**
 * A random regular graph of `count` tensors and degree `degree` (pairing model, retried until simple).
 *
 * @example
 * randomRegular(10, 3, 2, 1).inputs.length; //=> 10
 */
export function randomRegular(count: number, degree: number, size: number, seed: number): Network {
  const random = seededRandom(seed);
  for (;;) {
    const stubs = Array.from({ length: count * degree }, (_, index) => Math.floor(index / degree));
    for (let i = stubs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [stubs[i], stubs[j]] = [stubs[j] as number, stubs[i] as number];
    }
    const edges: [number, number][] = [];
    const seen = new Set<string>();
    let simple = true;
    for (let i = 0; i < stubs.length; i += 2) {
      const a = Math.min(stubs[i] as number, stubs[i + 1] as number);
      const b = Math.max(stubs[i] as number, stubs[i + 1] as number);
      if (a === b || seen.has(`${a},${b}`)) {
        simple = false;
        break;
      }
      seen.add(`${a},${b}`);
      edges.push([a, b]);
    }
    if (simple) return fromEdges(count, edges, size);
  }
}

/**
 * A rows × columns square lattice.
 *
 * @example
 * lattice(3, 3, 2).inputs.length; //=> 9
 */
export function lattice(rows: number, columns: number, size: number): Network {
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const node = r * columns + c;
      if (c + 1 < columns) edges.push([node, node + 1]);
      if (r + 1 < rows) edges.push([node, node + columns]);
    }
  }
  return fromEdges(rows * columns, edges, size);
}

/**
 * A chain of matrices with random sizes, open at both ends: `ab,bc,cd,...->a?`.
 *
 * @example
 * matrixChain(5, 1).inputs; //=> [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]
 */
export function matrixChain(count: number, seed: number): Network {
  const random = seededRandom(seed);
  const sizes = Array.from({ length: count + 1 }, () => 2 + Math.floor(random() * 30));
  const inputs = Array.from({ length: count }, (_, index) => [index, index + 1]);
  return { inputs, output: [0, count], sizes };
}

/**
 * A random tree of tensors (each joined to an earlier one), with one open label per leaf tensor.
 *
 * @example
 * randomTree(8, 3, 1).inputs.length; //=> 8
 */
export function randomTree(count: number, size: number, seed: number): Network {
  const random = seededRandom(seed);
  const edges: [number, number][] = [];
  for (let node = 1; node < count; node++) edges.push([Math.floor(random() * node), node]);
  const network = fromEdges(count, edges, size);
  const inputs = network.inputs.map((labels) => [...labels]);
  const sizes = [...network.sizes];
  const output: number[] = [];
  inputs.forEach((labels) => {
    if (labels.length === 1) {
      labels.push(sizes.length);
      output.push(sizes.length);
      sizes.push(2);
    }
  });
  return { inputs, output: output.slice(0, 6), sizes };
}

/**
 * The network with each label's size drawn (seeded) from `sizes`: bonds of mixed sizes.
 *
 * @example
 * withMixedSizes(randomRegular(10, 3, 2, 1), [5, 8], 1).sizes.every((size) => size === 5 || size === 8); //=> true
 */
export function withMixedSizes(network: Network, sizes: readonly number[], seed: number): Network {
  const random = seededRandom(seed);
  return { ...network, sizes: network.sizes.map(() => sizes[Math.floor(random() * sizes.length)] as number) };
}
