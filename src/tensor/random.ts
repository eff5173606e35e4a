/**
 * A seeded source of standard normal numbers: xoshiro128** for uniform bits and the Box–Muller transform.
 * The same seed gives the same numbers on every platform.
 *
 * @example
 * const next = normalSource(42);
 * next(); // a number drawn from N(0, 1)
 */
export function normalSource(seed: number): () => number {
  const state = seedState(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    let u1 = 0;
    while (u1 === 0) u1 = nextUniform(state);
    const u2 = nextUniform(state);
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}

/** splitmix32 spreads one seed over the four words of state, so nearby seeds give unrelated streams. */
function seedState(seed: number): Uint32Array {
  const state = new Uint32Array(4);
  let mix = seed >>> 0;
  for (let index = 0; index < 4; index++) {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    state[index] = (z ^ (z >>> 16)) >>> 0;
  }
  return state;
}

/** xoshiro128**: a uniform number in [0, 1) from 32 random bits. */
function nextUniform(state: Uint32Array): number {
  const s0 = state[0] ?? 0;
  const s1 = state[1] ?? 0;
  const s2 = state[2] ?? 0;
  const s3 = state[3] ?? 0;
  const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = (s1 << 9) >>> 0;
  const n2 = (s2 ^ s0) >>> 0;
  const n3 = (s3 ^ s1) >>> 0;
  state[1] = (s1 ^ n2) >>> 0;
  state[0] = (s0 ^ n3) >>> 0;
  state[2] = (n2 ^ t) >>> 0;
  state[3] = rotateLeft(n3, 11);
  return result / 4294967296;
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

/**
 * A seed for a call that gave none, so that each such call draws fresh numbers.
 *
 * @example
 * freshSeed() === freshSeed(); //=> false (almost always)
 */
export function freshSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
