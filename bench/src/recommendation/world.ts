import { logNormal, normal, poisson, seeded, sigmoid, uniformOf } from './random.ts';

/**
 * The simulated platform: merchants with videos in categories, users with hidden tastes,
 * a week of logged history and a randomly exposed slice for unbiased evaluation.
 *
 * The shapes follow what KuaiRec (Gao et al., CIKM 2022) and KuaiRand (Gao et al., CIKM
 * 2022) report: item popularity and user activity are heavy-tailed (a few items and users
 * carry most interactions), watch ratios centre below 1 with a long tail above it (replays),
 * and a small share of traffic is exposed at random so a ranking can be judged without the
 * logging policy's bias. The numbers are smaller (thousands, not millions) so one run takes
 * seconds on two cores.
 */
export interface SimMerchant {
  index: number;
  id: string;
  isNew: boolean;
  service: 'good' | 'bad';
  /** Hour it opened (negative: before the simulated days). */
  openedHour: number;
}

export interface SimItem {
  index: number;
  id: string;
  category: number;
  /** How appealing the video is to anyone, on a log-odds scale. */
  appeal: number;
  merchant: number;
  creator: string;
  createdHour: number;
}

export interface SimUser {
  index: number;
  id: string;
  /** Hidden taste per category, 0..1. */
  prefs: Float64Array;
  /** Sessions per day. */
  activity: number;
}

export type SimEventKind =
  | 'impression'
  | 'play'
  | 'complete'
  | 'like'
  | 'follow'
  | 'order'
  | 'refund'
  | 'complaint';

export interface SimEvent {
  user: number;
  item: number;
  hour: number;
  kind: SimEventKind;
}

export interface World {
  categories: number;
  merchants: SimMerchant[];
  items: SimItem[];
  users: SimUser[];
  warmup: SimEvent[];
  /** Per evaluated user: items shown at random and the graded reaction (0 none, 1 long view, 2 liked). */
  randomSlice: Array<{ user: number; grades: Map<number, number> }>;
  /** Watch ratios of the logged impressions, kept to report the generated distribution. */
  watchRatios: number[];
}

export interface WorldSize {
  seed: number;
  categories: number;
  incumbents: number;
  newPairs: number;
  itemsPerNewMerchant: number;
  users: number;
  warmupDays: number;
  sliceUsers: number;
  sliceItems: number;
  /** Live hours during which merchants that opened in the last two weeks keep posting. */
  liveHours: number;
  freshPerHour: number;
}

export const defaultSize: WorldSize = {
  seed: 17,
  categories: 16,
  incumbents: 240,
  newPairs: 20,
  itemsPerNewMerchant: 4,
  users: 3000,
  warmupDays: 7,
  sliceUsers: 500,
  sliceItems: 100,
  liveHours: 72,
  freshPerHour: 20,
};

/** The probability of a long view (watch ratio ≥ 0.8): the hidden ground truth. */
export function longViewChance(user: SimUser, item: SimItem): number {
  return sigmoid(-2.4 + 3.6 * (user.prefs[item.category] ?? 0) + 0.8 * item.appeal);
}

/** Whether a user cares for an item's category: an impression there is a relevant one. */
export const isRelevant = (user: SimUser, item: SimItem) => (user.prefs[item.category] ?? 0) >= 0.3;

/**
 * What a user does when shown an item at an hour: fixed by (user, item, hour, seed) so
 * every policy meets the same reactions.
 */
export function react(world: World, user: SimUser, item: SimItem, hour: number, seed: number): SimEvent[] {
  const u = (k: number) => uniformOf(seed, user.index, item.index, hour, k);
  const at = { user: user.index, item: item.index, hour };
  const out: SimEvent[] = [{ ...at, kind: 'impression' }];
  const long = u(1) < longViewChance(user, item);
  const ratio = long ? 0.8 + logNormal(() => u(2), -1, 0.9) : 0.8 * u(3);
  world.watchRatios.push(ratio);
  if (ratio >= 0.3) out.push({ ...at, kind: 'play' });
  if (!long) return out;
  out.push({ ...at, kind: 'complete' });
  if (u(4) < 0.12) out.push({ ...at, kind: 'like' });
  if (u(5) < 0.02) out.push({ ...at, kind: 'follow' });
  if (u(6) < 0.06) {
    out.push({ ...at, kind: 'order' });
    const badChance = world.merchants[item.merchant]?.service === 'bad' ? 0.45 : 0.03;
    if (u(7) < badChance) out.push({ ...at, kind: u(8) < 0.6 ? 'refund' : 'complaint' });
  }
  return out;
}

export function buildWorld(size: WorldSize = defaultSize): World {
  const random = seeded(size.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const merchants: SimMerchant[] = [];
  const items: SimItem[] = [];
  const addItems = (
    m: SimMerchant,
    count: number,
    category: () => number,
    appeal: () => number,
    hour: () => number,
  ) => {
    const creators = 1 + (count > 10 ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const index = items.length;
      items.push({
        index,
        id: `v${index}`,
        category: category(),
        appeal: appeal(),
        merchant: m.index,
        creator: `${m.id}-c${k % creators}`,
        createdHour: hour(),
      });
    }
  };
  for (let i = 0; i < size.incumbents; i++) {
    const openedHour = -24 * (1 + Math.floor(random() * 120));
    const m: SimMerchant = {
      index: i,
      id: `m${i}`,
      isNew: false,
      service: random() < 0.85 ? 'good' : 'bad',
      openedHour,
    };
    merchants.push(m);
    // Pareto-like catalogue sizes: most merchants post a few videos, a few post many.
    const count = Math.min(80, Math.max(1, Math.floor(2 / random() ** 0.8)));
    const quality = normal(random) * 0.5;
    const main = pick(size.categories);
    addItems(
      m,
      count,
      () => (random() < 0.8 ? main : pick(size.categories)),
      () => quality + normal(random) * 0.7,
      () => Math.max(openedHour, -24 * 60) + Math.floor(random() * Math.min(-openedHour, 24 * 60)),
    );
  }
  // Merchants that opened in the last two weeks keep posting during the live days: the
  // stream of fresh videos new merchants compete with (fractional hours: minutes matter).
  const young = merchants.filter((m) => m.openedHour > -14 * 24);
  for (let k = 0; young.length > 0 && k < size.liveHours * size.freshPerHour; k++) {
    const m = young[pick(young.length)] as SimMerchant;
    const main = items.find((i) => i.merchant === m.index)?.category ?? pick(size.categories);
    const at = k / size.freshPerHour + random() / size.freshPerHour;
    addItems(
      m,
      1,
      () => main,
      () => normal(random) * 0.7,
      () => at,
    );
  }
  // New merchants come in pairs that match in category and appeal and differ in service.
  for (let p = 0; p < size.newPairs; p++) {
    const category = p % size.categories;
    const appeals = Array.from({ length: size.itemsPerNewMerchant }, () => normal(random) * 0.7);
    for (const service of ['good', 'bad'] as const) {
      const m: SimMerchant = {
        index: merchants.length,
        id: `new${p}-${service}`,
        isNew: true,
        service,
        openedHour: p + 0.5,
      };
      merchants.push(m);
      let k = 0;
      addItems(
        m,
        size.itemsPerNewMerchant,
        () => category,
        () => appeals[k++ % appeals.length] ?? 0,
        () => p + 0.5,
      );
    }
  }
  const users: SimUser[] = Array.from({ length: size.users }, (_, index) => {
    const prefs = new Float64Array(size.categories).fill(0.05);
    const favourites = Math.min(4, 1 + poisson(random, 1));
    const weights = Array.from({ length: favourites }, () => logNormal(random, 0, 0.6));
    const top = Math.max(...weights);
    for (const w of weights) prefs[pick(size.categories)] = Math.max(0.3, w / top);
    // Heavy-tailed activity: median about 1.2 sessions a day, a few users with 10+.
    return { index, id: `u${index}`, prefs, activity: Math.min(20, logNormal(random, 0.2, 0.9)) };
  });
  const world: World = {
    categories: size.categories,
    merchants,
    items,
    users,
    warmup: [],
    randomSlice: [],
    watchRatios: [],
  };
  logHistory(world, size, random);
  exposeAtRandom(world, size, random);
  return world;
}

/**
 * A week of history from a logging policy that is half popularity-biased and half
 * category-matched (a platform with some personalisation), which is where the
 * heavy-tailed popularity comes from.
 */
function logHistory(world: World, size: WorldSize, random: () => number): void {
  const old = world.items.filter((i) => i.createdHour < 0);
  const weights = old.map((i) => Math.exp(1.6 * i.appeal));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, k) => (cumulative[k] = sum + w), 0);
  const popular = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return old[lo] as SimItem;
  };
  const byCategory = Array.from({ length: size.categories }, (_, c) => old.filter((i) => i.category === c));
  const hours = size.warmupDays * 24;
  for (const user of world.users) {
    const favourites = [...user.prefs.keys()].filter((c) => (user.prefs[c] ?? 0) >= 0.3);
    const shown = Math.round(user.activity * size.warmupDays * 8);
    for (let k = 0; k < shown; k++) {
      const pool = byCategory[favourites[Math.floor(random() * favourites.length)] ?? 0] ?? [];
      const item =
        random() < 0.5 || pool.length === 0
          ? popular()
          : (pool[Math.floor(random() * pool.length)] as SimItem);
      const hour = -hours + Math.floor((k / shown) * hours);
      if (item.createdHour > hour) continue;
      world.warmup.push(...react(world, user, item, hour, size.seed));
    }
  }
}

/** KuaiRand-style random exposure: some users see uniformly drawn videos; their reactions are the test labels. */
function exposeAtRandom(world: World, size: WorldSize, random: () => number): void {
  const old = world.items.filter((i) => i.createdHour < 0);
  for (let k = 0; k < size.sliceUsers; k++) {
    const user = world.users[Math.floor(random() * world.users.length)] as SimUser;
    const grades = new Map<number, number>();
    while (grades.size < size.sliceItems) {
      const item = old[Math.floor(random() * old.length)] as SimItem;
      if (grades.has(item.index)) continue;
      const long = random() < longViewChance(user, item);
      grades.set(item.index, long ? (random() < 0.12 ? 2 : 1) : 0);
    }
    world.randomSlice.push({ user: user.index, grades });
  }
}
