/**
 * How a failing job is retried: up to `maxAttempts` runs, waiting between them an
 * exponential backoff with full jitter — a uniform draw in `[0, min(capMs, baseMs·2^(n-1))]`
 * after the n-th failure — so many jobs failing together (a merchant's server down) do
 * not come back in lockstep.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

/** The queue's default: a dozen tries over roughly two hours. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 12, baseMs: 2_000, capMs: 3_600_000 };

/**
 * For deliveries that must keep trying for at least a day (merchant callbacks, webhooks):
 * about two hours of growing waits, then 30 draws from [0, 3 h]. The expected window is
 * about 47 h; one under 24 h is roughly a one-in-a-million draw (see the test).
 */
export const dayLongRetryPolicy: RetryPolicy = { maxAttempts: 40, baseMs: 30_000, capMs: 3 * 3_600_000 };

/**
 * The wait before the next run after the `attempt`-th run failed.
 *
 * @example
 * retryDelay(3, { maxAttempts: 5, baseMs: 1000, capMs: 60_000 }) // somewhere in [0, 4000]
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
