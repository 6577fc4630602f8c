/**
 * Typo tolerance for Latin words (English and pinyin): a word the index does not know, and
 * that starts no known word, is matched by the known words one edit away (two for long
 * words). Lookups go through single-deletion keys, so a query costs a few map reads
 * instead of a scan of the vocabulary; the edit distance confirms each candidate.
 */
export interface Vocabulary {
  add(words: Iterable<string>): void;
  has(word: string): boolean;
  /** Whether some known word starts with this one (the user is still typing it). */
  startsSome(prefix: string): boolean;
  corrections(word: string): string[];
  readonly size: number;
}

const latin = /^[a-z]+$/;
const maxCorrections = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance (adjacent transpositions count once), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

export function createVocabulary(): Vocabulary {
  const words = new Set<string>();
  const byDeletion = new Map<string, string[]>();
  let sorted: string[] | null = [];

  function keyed(key: string, word: string) {
    const list = byDeletion.get(key);
    if (list) list.push(word);
    else byDeletion.set(key, [word]);
  }

  function ordered(): string[] {
    if (!sorted) sorted = [...words].sort();
    return sorted;
  }

  return {
    get size() {
      return words.size;
    },
    add(added) {
      for (const w of added) {
        if (words.has(w) || w.length < 3 || w.length > 24 || !latin.test(w)) continue;
        words.add(w);
        sorted = null;
        keyed(w, w);
        for (const d of deletions(w)) keyed(d, w);
      }
    },
    has: (word) => words.has(word),
    startsSome(prefix) {
      const list = ordered();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < list.length && (list[lo] as string).startsWith(prefix);
    },
    corrections(word) {
      if (word.length < 4 || !latin.test(word) || words.has(word) || this.startsSome(word)) return [];
      const max = word.length >= 8 ? 2 : 1;
      const keys = new Set([word, ...deletions(word)]);
      if (max === 2) for (const d of deletions(word)) for (const dd of deletions(d)) keys.add(dd);
      const found = new Map<string, number>();
      for (const key of keys) {
        for (const candidate of byDeletion.get(key) ?? []) {
          if (found.has(candidate)) continue;
          const d = editDistance(word, candidate, max);
          if (d <= max) found.set(candidate, d);
        }
      }
      return [...found.entries()]
        .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, maxCorrections)
        .map(([w]) => w);
    },
  };
}
