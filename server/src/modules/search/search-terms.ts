import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { pinyin } from 'pinyin-pro';

/**
 * How text becomes search terms, the same way for documents and queries on both engines:
 * folded (full-width to half-width, case, accents), cut into words by jieba with the
 * platform dictionary, and every Chinese word also as its characters, its pinyin and its
 * initials, so 面, `mian`, 拉面, `lamian` and `lm` all reach 兰州拉面. Terms hold only
 * letters and digits: they are stored space-separated and never need quoting.
 */

const require = createRequire(import.meta.url);
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };

const han = /\p{Script=Han}/u;
const maxTermLength = 64;
const wordChars = /[^\p{L}\p{N}]+/gu;

/** Full-width to half-width, lower case, accents off; Hangul and Han come back composed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
}

export interface Segmenter {
  /** Words of folded text, in order, punctuation dropped. */
  cut(text: string, forSearch: boolean): string[];
  /** Words the dictionary did not know (brands, dishes, places): cut whole from now on. */
  addWords(words: readonly string[]): void;
  /** Whether the dictionary holds this word whole (not a guess of jieba's HMM). */
  holds(word: string): boolean;
}

/** Jieba with its shipped dictionary plus the platform's words. */
export function createSegmenter(words: readonly string[] = []): Segmenter {
  const jieba = Jieba.withDict(dict);
  const segmenter: Segmenter = {
    cut(text, forSearch) {
      const pieces = forSearch ? jieba.cutForSearch(text, true) : jieba.cut(text, true);
      // No one searches a 65-letter word; PostgreSQL refuses lexemes past 2 kB.
      return pieces
        .flatMap((p) => p.split(wordChars))
        .filter((p) => p.length > 0 && p.length <= maxTermLength);
    },
    addWords(added) {
      if (added.length === 0) return;
      // A high frequency makes jieba prefer the whole word over its parts.
      const lines = added.map((w) => `${fold(w).replace(/\s+/g, '')} 100000 n`).join('\n');
      jieba.loadDict(Buffer.from(`${lines}\n`));
    },
    holds(word) {
      const pieces = jieba.cut(word, false);
      return pieces.length === 1 && pieces[0] === word;
    },
  };
  segmenter.addWords(words);
  return segmenter;
}

const isHan = (word: string) => han.test(word);

// Words repeat across documents far more than they vary; their pinyin is remembered
// (bounded: the memory is dropped whole when full).
const sounds = new Map<string, string[]>();
const soundsLimit = 100_000;

function syllables(word: string): string[] {
  let found = sounds.get(word);
  if (!found) {
    found = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(
      (s) => s.length > 0,
    );
    if (sounds.size >= soundsLimit) sounds.clear();
    sounds.set(word, found);
  }
  return found;
}

/** Terms of one piece of text: words, and for Chinese words their characters, pinyin and initials. */
export function textTerms(segmenter: Segmenter, text: string): string[] {
  const out = new Set<string>();
  for (const word of segmenter.cut(fold(text), true)) {
    out.add(word);
    if (!isHan(word)) continue;
    const chars = [...word];
    const sounds = syllables(word);
    if (chars.length > 1) {
      for (const c of chars) if (isHan(c)) out.add(c);
      out.add(sounds.join(''));
      out.add(sounds.map((s) => s[0]).join(''));
    }
    for (const s of sounds) out.add(s);
  }
  return [...out];
}

/**
 * Terms of a title: its text terms plus the whole title's pinyin and initials, so `mixue`
 * (a prefix) and `mxbc` find 蜜雪冰城 however jieba cut it.
 */
export function titleTerms(segmenter: Segmenter, title: string): string[] {
  const out = new Set(textTerms(segmenter, title));
  const folded = fold(title);
  if (isHan(folded)) {
    const sounds = syllables(folded);
    if (sounds.length > 1) {
      out.add(sounds.join(''));
      out.add(sounds.map((s) => s[0]).join(''));
    }
  }
  // A Latin title also as one word: "coco fresh" is found by `cocofresh`.
  const compact = folded.replace(wordChars, '');
  if (compact.length > 0 && compact.length <= 40 && !isHan(compact)) out.add(compact);
  for (const term of out) if (term.length > maxTermLength) out.delete(term);
  return [...out];
}

/** One term a query asks for: exactly, or as the start of a longer term (Latin while typing). */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** One way to satisfy a group: all of its terms; `weight` says how good a match it is. */
export interface QueryOption {
  terms: QueryTerm[];
  /** For a word matched by its characters: the word, which the text must hold as written. */
  phrase?: string;
  /** 1 for the word as typed; less for its characters apart or a spelling correction. */
  weight: number;
}

/** A word of the query: at least one of its options must match. */
export interface QueryGroup {
  text: string;
  options: QueryOption[];
}

/** Spelling corrections of a Latin word, from the index's own vocabulary. */
export type Corrector = (word: string) => string[];

/** The query's words as groups, every group required. */
export function queryGroups(segmenter: Segmenter, query: string, correct: Corrector): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  for (const word of segmenter.cut(fold(query), false)) {
    if (seen.has(word)) continue;
    seen.add(word);
    if (isHan(word)) {
      const options: QueryOption[] = [{ terms: [{ term: word, prefix: false }], weight: 1 }];
      const chars = [...word];
      if (chars.length > 1 && !segmenter.holds(word)) {
        options.push({ terms: chars.map((c) => ({ term: c, prefix: false })), weight: 0.75, phrase: word });
      }
      groups.push({ text: word, options });
    } else {
      const options: QueryOption[] = [{ terms: [{ term: word, prefix: true }], weight: 1 }];
      for (const fixed of correct(word))
        options.push({ terms: [{ term: fixed, prefix: false }], weight: 0.7 });
      groups.push({ text: word, options });
    }
  }
  return groups.slice(0, 12);
}

/** The query folded and without separators: what a title is compared with as a phrase. */
export function compactQuery(query: string): string {
  return fold(query).replace(wordChars, '');
}

/** The whole pinyin of a text, for comparing a Latin query with a Chinese title. */
export function pinyinOf(text: string): string {
  const folded = fold(text);
  return isHan(folded) ? syllables(folded).join('') : '';
}
