/**
 * Provider exposure is a decayed count (half-life one day), so "share of recent exposure"
 * needs no window table: each row keeps its value and when it was last brought up to date.
 */
export const exposureHalfLifeMs = 24 * 3600_000;

/** The value at `now` of a count that was `value` at `at`. */
export function decayed(value: number, at: number, now: number): number {
  return now <= at ? value : value * 2 ** (-(now - at) / exposureHalfLifeMs);
}
