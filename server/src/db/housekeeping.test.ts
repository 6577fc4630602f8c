import { describe, expect, it } from 'vitest';
import { manualClock } from './clock.ts';
import { housekeeping } from './housekeeping.ts';

describe('housekeeping', () => {
  it('sweeps on the first call, then at most once per interval', async () => {
    const clock = manualClock(1_000_000);
    const runs: number[] = [];
    const sweep = housekeeping(clock, 60_000, async (now) => {
      runs.push(now);
    });
    await sweep();
    clock.advance(59_999);
    await sweep();
    expect(runs).toEqual([1_000_000]);
    clock.advance(1);
    await sweep();
    expect(runs).toEqual([1_000_000, 1_060_000]);
  });

  it('sweeps again when the clock is set back', async () => {
    const clock = manualClock(1_000_000);
    let count = 0;
    const sweep = housekeeping(clock, 60_000, async () => {
      count++;
    });
    await sweep();
    clock.set(500_000);
    await sweep();
    expect(count).toBe(2);
  });
});
