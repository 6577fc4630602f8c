/**
 * Clearing out rows that can never be valid again (expired codes and tokens) rides along
 * on the requests that create them, but needs no running on every one: a sweep runs at
 * most once per `everyMs` per process (per clock reading), and the first call always runs.
 *
 * @example
 * const sweep = housekeeping(clock, 60_000, (now) => deleteStaleLoginCodes(db, now - day));
 * await sweep();
 */
export function housekeeping(
  clock: { now(): number },
  everyMs: number,
  sweep: (now: number) => Promise<void>,
): () => Promise<void> {
  let lastRun = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock.now();
    if (now - lastRun < everyMs && now >= lastRun) return;
    lastRun = now;
    await sweep(now);
  };
}
