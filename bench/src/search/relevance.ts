/**
 * Graded relevance measures. nDCG@k: DCG of the ranking (gain 2^grade − 1, discount
 * log2(rank + 1)) over the DCG of the ideal ranking of every labelled document. Recall@k:
 * the relevant documents found in the first k, over the number that fit in k
 * (min(k, |relevant|)), so a query with more relevant documents than k can still reach 1.
 */
export function ndcgAt(k: number, ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const dcg = (gains: number[]) => gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const got = ranked.slice(0, k).map((id) => grades.get(id) ?? 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const best = dcg(ideal);
  return best === 0 ? 0 : dcg(got) / best;
}

export function recallAt(k: number, ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length;
  return found / Math.min(k, relevant);
}

export const mean = (xs: readonly number[]) =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
