/**
 * The timeout of the kernel suites that run many products against a naive reference, or wait for a second core:
 * on a 2-core machine shared with other processes they have taken 2–3× their quiet time, past vitest's 5 s.
 */
export const sharedMachineTimeout = { timeout: 60_000 };
