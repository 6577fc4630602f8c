import { pinyin } from 'pinyin-pro';
import { type Catalogue, cities, type Facts, random, type Trade, trades } from './catalogue.ts';

/**
 * The labelled query set: Chinese, pinyin (whole and initials), English, typos, full-width,
 * place + trade and creator names, each with graded relevance (3 the thing itself, 2 closely
 * relevant, 1 relevant) decided from what each document was generated from.
 */
export interface LabelledQuery {
  query: string;
  type: string;
  /** Document id → grade. */
  grades: Map<string, number>;
}

type Judge = (f: Facts) => number;

function labelled(catalogue: Catalogue, judge: Judge): Map<string, number> {
  const grades = new Map<string, number>();
  for (const [id, f] of catalogue.facts) {
    const g = judge(f);
    if (g > 0) grades.set(id, g);
  }
  return grades;
}

const sound = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });

// Keyboard slips: a letter dropped, doubled, swapped with its neighbour, or replaced.
function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  switch (Math.floor(r() * 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

const fullWidth = (text: string) =>
  [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

export function labelledQueries(catalogue: Catalogue, seed = 7): LabelledQuery[] {
  const r = random(seed);
  const out: LabelledQuery[] = [];
  const { apps } = catalogue;

  const brand =
    (app: number): Judge =>
    (f) => {
      if (f.app !== app) return 0;
      return f.kind === 'app' ? 3 : f.kind === 'service' || f.kind === 'poi' ? 2 : f.kind === 'video' ? 1 : 0;
    };
  const byPinyin = new Map<string, number>();
  const byInitials = new Map<string, number>();
  apps.forEach((a, i) => {
    const s = sound(a.name);
    const full = s.join('');
    const initials = s.map((x) => x[0]).join('');
    byPinyin.set(full, byPinyin.has(full) ? -1 : i);
    byInitials.set(initials, byInitials.has(initials) ? -1 : i);
  });

  // Brands by name, by whole pinyin and by initials (only pinyin no other brand shares).
  const step = Math.floor(apps.length / 40);
  for (let k = 0; k < 40; k++) {
    const i = k * step;
    out.push({
      query: (apps[i] as (typeof apps)[number]).name,
      type: 'brand',
      grades: labelled(catalogue, brand(i)),
    });
  }
  let pinyinCount = 0;
  let initialsCount = 0;
  for (let i = 7; i < apps.length && (pinyinCount < 25 || initialsCount < 20); i += 97) {
    const s = sound((apps[i] as (typeof apps)[number]).name);
    const full = s.join('');
    const initials = s.map((x) => x[0]).join('');
    if (pinyinCount < 25 && byPinyin.get(full) === i) {
      out.push({ query: full, type: 'brand pinyin', grades: labelled(catalogue, brand(i)) });
      pinyinCount++;
    }
    if (initialsCount < 20 && byInitials.get(initials) === i && initials.length >= 4) {
      out.push({ query: initials, type: 'brand initials', grades: labelled(catalogue, brand(i)) });
      initialsCount++;
    }
  }

  const trade =
    (t: number): Judge =>
    (f) => {
      if (f.trade !== t) return 0;
      return f.kind === 'app' ? 2 : 1;
    };
  const englishTrade =
    (t: number): Judge =>
    (f) =>
      f.trade === t && f.kind === 'app' ? 2 : f.trade === t && f.kind === 'service' ? 1 : 0;
  for (let t = 0; t < 25; t++) {
    out.push({ query: (trades[t] as Trade).word, type: 'trade', grades: labelled(catalogue, trade(t)) });
  }
  for (let t = 0; t < 20; t++) {
    out.push({
      query: (trades[t] as Trade).english,
      type: 'english',
      grades: labelled(catalogue, englishTrade(t)),
    });
  }
  // Typos in the longest English word of a trade.
  let typos = 0;
  for (let t = 0; t < trades.length && typos < 10; t += 3) {
    const words = (trades[t] as Trade).english.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length < 5) continue;
    const slipped = words.map((w) => (w === longest ? typo(w, r) : w)).join(' ');
    out.push({ query: slipped, type: 'english typo', grades: labelled(catalogue, englishTrade(t)) });
    typos++;
  }
  for (let t = 0; t < 5; t++) {
    const english = (trades[t * 5] as Trade).english;
    out.push({
      query: fullWidth(english),
      type: 'full-width',
      grades: labelled(catalogue, englishTrade(t * 5)),
    });
  }

  // A district and a trade: that trade's stores there first.
  for (let k = 0; k < 20; k++) {
    const c = k % cities.length;
    const city = cities[c] as (typeof cities)[number];
    const district = city.districts[k % city.districts.length] as string;
    const t = (k * 7) % 12;
    out.push({
      query: `${district} ${(trades[t] as Trade).word}`,
      type: 'district + trade',
      grades: labelled(catalogue, (f) => {
        if (f.trade !== t) return 0;
        if (f.district === district) return f.kind === 'poi' ? 3 : 2;
        return f.kind === 'app' && f.city === c ? 1 : 0;
      }),
    });
  }
  // A city and a trade.
  for (let k = 0; k < 10; k++) {
    const c = (k * 3) % cities.length;
    const t = (k * 5 + 2) % trades.length;
    out.push({
      query: `${(cities[c] as (typeof cities)[number]).name}${(trades[t] as Trade).word}`,
      type: 'city + trade',
      grades: labelled(catalogue, (f) => {
        if (f.trade !== t) return 0;
        if (f.city === c) return f.kind === 'video' ? 1 : 2;
        // A brand named after the city (重庆小龙虾坊 in Chengdu) is what some people mean by it.
        const brand = f.app === undefined ? undefined : apps[f.app];
        return brand?.name.startsWith((cities[c] as (typeof cities)[number]).name) && f.kind !== 'video'
          ? 1
          : 0;
      }),
    });
  }
  // Creators by name: the creator, then their videos.
  for (let k = 0; k < 10; k++) {
    const c = k * 11;
    out.push({
      query: catalogue.creators[c] as string,
      type: 'creator',
      grades: labelled(catalogue, (f) => (f.creator !== c ? 0 : f.kind === 'creator' ? 3 : 1)),
    });
  }
  return out;
}
