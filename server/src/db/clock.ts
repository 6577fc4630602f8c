/** Time as the platform sees it, in epoch milliseconds; tests inject one they can move. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock for tests: starts at `start` and moves only when told.
 *
 * @example
 * const clock = manualClock(); clock.advance(7 * 24 * 3600_000);
 */
export function manualClock(
  start = Date.UTC(2026, 0, 1),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}
