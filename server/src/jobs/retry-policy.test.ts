import { describe, expect, it } from 'vitest';
import { dayLongRetryPolicy, type RetryPolicy, retryDelay } from './retry-policy.ts';

describe('retryDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 10, baseMs: 1_000, capMs: 30_000 };

  it('draws from [0, min(cap, base·2^(n-1))]: full jitter over an exponential ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelay(n, policy, () => 0.999999))).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999,
    ]);
    expect(retryDelay(4, policy, () => 0)).toBe(0);
    expect(retryDelay(4, policy, () => 0.5)).toBe(4_000);
  });

  it('spreads jobs that failed together instead of bringing them back in lockstep', () => {
    const delays = new Set(Array.from({ length: 200 }, () => retryDelay(8, policy)));
    expect(delays.size).toBeGreaterThan(150);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(0);
    for (const d of delays) expect(d).toBeLessThan(30_000);
  });

  it('the day-long policy keeps a delivery retrying for more than 24 hours', () => {
    // Waits follow failures 1 … maxAttempts-1; the last failure makes the job dead.
    const windowMs = (random: () => number) => {
      let total = 0;
      for (let n = 1; n < dayLongRetryPolicy.maxAttempts; n++)
        total += retryDelay(n, dayLongRetryPolicy, random);
      return total;
    };
    const day = 24 * 3_600_000;
    const samples = Array.from({ length: 20_000 }, () => windowMs(Math.random));
    expect(Math.min(...samples)).toBeGreaterThan(day);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean / 3_600_000).toBeGreaterThan(44);
    expect(mean / 3_600_000).toBeLessThan(50);
  });
});
