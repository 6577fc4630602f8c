import { providerOf } from './recommendation.model.ts';

/**
 * Reorders a ranked list so that no more than `maxInARow` items of one creator, or of
 * one app, follow each other: each slot takes the best remaining item that keeps the
 * rule, or, when none does, the best remaining one (the rule never drops items).
 *
 * @example diversify(ranked, 2) // a a a b → a a b a
 */
export function diversify<T extends { item: { creatorId: string; appid: string | null } }>(
  ranked: readonly T[],
  maxInARow: number,
): T[] {
  const left = [...ranked];
  const out: T[] = [];
  const runOf = (key: (x: T) => string | null, candidate: T) => {
    const k = key(candidate);
    if (k === null) return 0;
    let run = 0;
    for (let i = out.length - 1; i >= 0 && key(out[i] as T) === k; i--) run++;
    return run;
  };
  const creator = (x: T) => x.item.creatorId;
  const app = (x: T) => (x.item.appid ? providerOf(x.item) : null);
  while (left.length > 0) {
    let pick = left.findIndex((c) => runOf(creator, c) < maxInARow && runOf(app, c) < maxInARow);
    if (pick < 0) pick = 0;
    out.push(...left.splice(pick, 1));
  }
  return out;
}
