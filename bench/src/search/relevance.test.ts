import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from './relevance.ts';

describe('relevance measures', () => {
  const grades = new Map([
    ['a', 3],
    ['b', 2],
    ['c', 1],
  ]);
  it('gives the ideal ranking 1 and a ranking with nothing relevant 0', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], grades)).toBeCloseTo(1);
    expect(ndcgAt(10, ['x', 'y'], grades)).toBe(0);
    expect(ndcgAt(10, ['c', 'b', 'a'], grades)).toBeLessThan(1);
  });
  it('counts recall against what fits in k', () => {
    expect(recallAt(2, ['a', 'x', 'b'], grades)).toBe(0.5);
    expect(recallAt(50, ['c', 'b', 'a'], grades)).toBe(1);
  });
});
