import { describe, expect, it } from 'vitest';
import { giniIndex } from './fairness-measures.ts';
import { buildWorld, defaultSize } from './world.ts';

describe('provider exposure Gini (RecBole GiniIndex)', () => {
  it('is 0 for equal exposure and (n-1)/n when one provider takes everything', () => {
    expect(giniIndex([5, 5, 5, 5])).toBeCloseTo(0);
    expect(giniIndex([0, 0, 0, 12])).toBeCloseTo(3 / 4);
  });
  it('counts providers never shown as zeros', () => {
    expect(giniIndex([0, 0, 10, 10])).toBeGreaterThan(giniIndex([10, 10]));
    expect(giniIndex([1, 2, 3, 4])).toBeCloseTo((-3 * 1 - 1 * 2 + 1 * 3 + 3 * 4) / (4 * 10));
  });
});

describe('simulated world', () => {
  const world = buildWorld({ ...defaultSize, users: 300, sliceUsers: 20 });
  it('pairs each new good merchant with a bad twin of the same category and appeal', () => {
    const fresh = world.merchants.filter((m) => m.isNew);
    expect(fresh.filter((m) => m.service === 'good')).toHaveLength(defaultSize.newPairs);
    const itemsOf = (id: number) =>
      world.items.filter((i) => i.merchant === id).map((i) => [i.appeal, i.category]);
    for (let k = 0; k < fresh.length; k += 2) {
      expect(itemsOf(fresh[k]?.index ?? -1)).toEqual(itemsOf(fresh[k + 1]?.index ?? -1));
    }
  });
  it('is the same world for the same seed', () => {
    const again = buildWorld({ ...defaultSize, users: 300, sliceUsers: 20 });
    expect(again.warmup.length).toBe(world.warmup.length);
    expect(again.items.map((i) => i.appeal)).toEqual(world.items.map((i) => i.appeal));
  });
});
