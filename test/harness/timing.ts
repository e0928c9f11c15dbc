// Timing helpers for the scaling tests: best-of-three wall time and the bound on the 16×/1× time ratio.

/** Best of three runs in ms (the machine is shared: the minimum is the least noisy measure). */
export function bestTime(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/**
 * Bound on the time for 16× the input over the time for 1×: linear code gives about 16, quadratic about 256. It leaves
 * room for a loaded machine (68× was seen on a shared 2-core box) without letting a quadratic algorithm through.
 */
export const MAX_RATIO = 120;
