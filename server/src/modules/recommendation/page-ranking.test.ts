import { describe, expect, it } from 'vitest';
import { diversify } from './diversity.ts';
import { posteriorMean, serviceFactor } from './engagement-estimate.ts';
import { changeFor } from './learning.ts';
import { expectedScore, type PageInput, rankPage } from './page-ranking.ts';
import { fairnessFactor } from './provider-fairness.ts';
import {
  type Candidate,
  type CandidateSource,
  defaultRankSettings,
  type ItemFacts,
  type UserProfile,
} from './recommendation.model.ts';
import { fixedRandom } from './testing.ts';

const now = 1_800_000_000_000;
const day = 24 * 3600_000;

function item(id: string, over: Partial<ItemFacts> = {}): ItemFacts {
  return {
    id,
    creatorId: `cr-${id}`,
    appid: null,
    category: 'food',
    poiId: null,
    createdAt: now - 30 * day,
    ...over,
  };
}

function candidate(
  id: string,
  over: {
    item?: Partial<ItemFacts>;
    impressions?: number;
    completes?: number;
    sources?: CandidateSource[];
  } & Partial<Pick<Candidate, 'service' | 'covisits'>> = {},
): Candidate {
  const impressions = over.impressions ?? 1000;
  return {
    item: item(id, over.item),
    stats: { impressions, completes: over.completes ?? Math.round(impressions * 0.3), likes: 0, orders: 0 },
    service: over.service ?? { orders: 0, refunds: 0, complaints: 0 },
    sources: over.sources ?? ['popular'],
    covisits: over.covisits ?? 0,
  };
}

function profile(over: Partial<UserProfile> = {}): UserProfile {
  return {
    userId: 'usr_1',
    features: new Map([
      ['category:food', { shows: 100, positives: 60 }],
      ['category:cars', { shows: 100, positives: 5 }],
    ]),
    overall: { shows: 200, positives: 65 },
    followed: new Set(),
    recent: [],
    seen: new Set(),
    ...over,
  };
}

const evenExposure = { providers: 0, shareOf: () => 0 };

function page(over: Partial<PageInput>): ReturnType<typeof rankPage> {
  return rankPage({
    profile: profile(),
    candidates: [],
    exposure: evenExposure,
    settings: defaultRankSettings,
    now,
    random: fixedRandom(),
    ...over,
  });
}

const ids = (xs: Array<{ item: { id: string } }>) => xs.map((x) => x.item.id);

describe('engagement estimate', () => {
  it('judges an item with few signals by what it earned plus the prior, not its raw rate', () => {
    const threeOfThree = posteriorMean({ impressions: 3, completes: 3, likes: 0, orders: 0 });
    expect(threeOfThree).toBeLessThan(0.5);
    expect(threeOfThree).toBeGreaterThan(
      posteriorMean({ impressions: 0, completes: 0, likes: 0, orders: 0 }),
    );
    expect(posteriorMean({ impressions: 10_000, completes: 9000, likes: 0, orders: 0 })).toBeCloseTo(0.9, 2);
  });

  it('ranks by the user taste: a liked category before a disliked one at equal item rates', () => {
    const p = profile();
    expect(expectedScore(p, candidate('a'))).toBeGreaterThan(
      expectedScore(p, candidate('b', { item: { category: 'cars' } })),
    );
  });

  it('counts conversion value: an item that sells ranks above one that does not at equal engagement', () => {
    const sells = candidate('s');
    const sellsMore = { ...sells, stats: { ...sells.stats, orders: 50 } };
    expect(expectedScore(profile(), sellsMore)).toBeGreaterThan(expectedScore(profile(), candidate('n')));
  });
});

describe('uncertainty-aware ranking (Thompson sampling)', () => {
  const known = candidate('known', { impressions: 5000, completes: 1500 });
  const unknown = candidate('unknown', { impressions: 2, completes: 0, item: { createdAt: now - 30 * day } });
  const winsOf = (fairGrowth: boolean) => {
    const random = fixedRandom(3);
    let wins = 0;
    for (let k = 0; k < 200; k++) {
      const top = page({
        candidates: [known, unknown],
        settings: { ...defaultRankSettings, fairGrowth },
        random,
      })[0];
      if (top?.item.id === 'unknown') wins++;
    }
    return wins;
  };
  it('sometimes puts an uncertain item above a known one of the same mean, and never without it', () => {
    expect(winsOf(true)).toBeGreaterThan(20);
    expect(winsOf(true)).toBeLessThan(180);
    expect(winsOf(false)).toBe(0);
  });
});

describe('guaranteed exploration for new items', () => {
  const established = Array.from({ length: 20 }, (_, k) =>
    candidate(`old${k}`, { completes: 600, item: { creatorId: `c${k}` } }),
  );
  const fresh = (id: string, over: Partial<ItemFacts> = {}, impressions = 5) =>
    candidate(id, {
      impressions,
      completes: 0,
      item: { createdAt: now - 3600_000, ...over },
      sources: ['fresh'],
    });

  it('gives a new item in a category the user likes a slot, marked fresh, even when it scores lowest', () => {
    const result = page({ candidates: [...established, fresh('new1')] });
    const shown = result.find((r) => r.item.id === 'new1');
    expect(shown?.source).toBe('fresh');
    expect(result.findIndex((r) => r.item.id === 'new1')).toBeGreaterThan(0);
  });

  it('does not spend the budget on users unlikely to want the item', () => {
    const result = page({ candidates: [...established, fresh('new1', { category: 'cars' })] });
    expect(ids(result)).not.toContain('new1');
  });

  it('stops once the item has had its guaranteed impressions, and is not given to guests', () => {
    const spent = fresh('new1', {}, defaultRankSettings.explorationImpressions);
    expect(ids(page({ candidates: [...established, spent] }))).not.toContain('new1');
    const guest = profile({ userId: null, features: new Map(), overall: { shows: 0, positives: 0 } });
    expect(ids(page({ profile: guest, candidates: [...established, fresh('new1')] }))).not.toContain('new1');
  });

  it('takes no exploration slot when fair growth is off', () => {
    const result = page({
      candidates: [...established, fresh('new1')],
      settings: { ...defaultRankSettings, fairGrowth: false },
    });
    expect(ids(result)).not.toContain('new1');
  });
});

describe('provider exposure regulation', () => {
  it('lifts a provider under its fair share and holds back one over it, within bounds', () => {
    const exposure = { providers: 10, shareOf: (p: string) => (p === 'app:big' ? 0.5 : 0.01) };
    expect(fairnessFactor(exposure, 'app:big', 0.5)).toBeLessThan(1);
    expect(fairnessFactor(exposure, 'app:small', 0.5)).toBeGreaterThan(1);
    expect(fairnessFactor(exposure, 'app:small', 5)).toBeLessThanOrEqual(3);
    expect(fairnessFactor(exposure, 'app:big', 0)).toBe(1);
  });

  it('puts the under-exposed provider first between two equal items', () => {
    const exposure = { providers: 2, shareOf: (p: string) => (p === 'app:big' ? 0.95 : 0.05) };
    const equal = (id: string, appid: string) =>
      candidate(id, { impressions: 100_000, completes: 30_000, item: { appid } });
    const result = page({ candidates: [equal('b', 'big'), equal('s', 'small')], exposure });
    expect(ids(result)).toEqual(['s', 'b']);
  });
});

describe('service quality', () => {
  it('lowers the exposure of a merchant with refunds and complaints and raises a clean record', () => {
    expect(serviceFactor({ orders: 100, refunds: 30, complaints: 10 })).toBeLessThan(0.5);
    expect(serviceFactor({ orders: 100, refunds: 0, complaints: 0 })).toBeGreaterThan(1);
    expect(serviceFactor({ orders: 0, refunds: 0, complaints: 0 })).toBeCloseTo(1);
  });

  it('ranks the merchant with a bad record below an equal one with a good record', () => {
    const equal = (id: string, appid: string, refunds: number) =>
      candidate(id, {
        impressions: 100_000,
        completes: 30_000,
        item: { appid },
        service: { orders: 100, refunds, complaints: 0 },
      });
    expect(ids(page({ candidates: [equal('bad', 'b', 40), equal('good', 'g', 1)] }))).toEqual([
      'good',
      'bad',
    ]);
  });
});

describe('diversity', () => {
  const x = (id: string, creatorId: string, appid: string | null = null) => ({
    item: { id, creatorId, appid },
  });
  it('allows no more than N of one creator in a row and drops nothing', () => {
    const out = diversify([x('1', 'a'), x('2', 'a'), x('3', 'a'), x('4', 'b'), x('5', 'a')], 2);
    expect(ids(out)).toEqual(['1', '2', '4', '3', '5']);
  });
  it('applies to apps across creators too', () => {
    const out = diversify([x('1', 'a', 'shop'), x('2', 'b', 'shop'), x('3', 'c', 'shop'), x('4', 'd')], 2);
    expect(ids(out)).toEqual(['1', '2', '4', '3']);
  });
  it('holds in a ranked page', () => {
    const same = Array.from({ length: 8 }, (_, k) =>
      candidate(`s${k}`, { completes: 900 - k, item: { creatorId: 'star' } }),
    );
    const others = Array.from({ length: 8 }, (_, k) =>
      candidate(`o${k}`, { completes: 300, item: { creatorId: `o${k}` } }),
    );
    const result = page({
      candidates: [...same, ...others],
      settings: { ...defaultRankSettings, fairGrowth: false },
    });
    const creators = result.map((r) => r.item.creatorId);
    for (let k = 2; k < creators.length; k++) {
      expect(creators[k] === 'star' && creators[k - 1] === 'star' && creators[k - 2] === 'star').toBe(false);
    }
  });
});

describe('why am I seeing this', () => {
  it('names the most specific source that proposed the item', () => {
    const result = page({
      candidates: [
        candidate('a', { sources: ['popular', 'covisit'] }),
        candidate('b', { sources: ['category', 'followed'] }),
      ],
      settings: { ...defaultRankSettings, fairGrowth: false },
    });
    expect(Object.fromEntries(result.map((r) => [r.item.id, r.source]))).toEqual({
      a: 'covisit',
      b: 'followed',
    });
  });
});

describe('seen items', () => {
  it('never shows an item the user has already seen', () => {
    const result = page({
      profile: profile({ seen: new Set(['a']) }),
      candidates: [candidate('a'), candidate('b')],
    });
    expect(ids(result)).toEqual(['b']);
  });
});

describe('learning from signals', () => {
  const it1 = item('v1', { appid: 'shop', category: 'food' });
  it('counts an impression as a show of each feature and of the item', () => {
    const change = changeFor('impression', it1, 'usr_1', []);
    expect(change.item.impressions).toBe(1);
    expect(change.provider).toMatchObject({ key: 'app:shop', impressions: 1 });
    expect(change.features.map((f) => [f.feature, f.shows, f.positives])).toContainEqual([
      'category:food',
      1,
      0,
    ]);
  });
  it('turns a completed view into taste and co-visitation with recent items, both ways', () => {
    const change = changeFor('complete', it1, 'usr_1', ['v0', 'v1']);
    expect(change.features.every((f) => f.positives > 0)).toBe(true);
    expect(change.covisits).toEqual([
      ['v0', 'v1'],
      ['v1', 'v0'],
    ]);
    expect(change.engaged).toBe(true);
  });
  it('learns no taste for a guest, but still counts the item', () => {
    const change = changeFor('like', it1, null, []);
    expect(change.features).toEqual([]);
    expect(change.item.likes).toBe(1);
  });
  it('counts refunds and complaints against the provider', () => {
    expect(changeFor('refund', it1, 'usr_1', []).provider.refunds).toBe(1);
    expect(changeFor('complaint', it1, 'usr_1', []).provider.complaints).toBe(1);
    expect(changeFor('follow', it1, 'usr_1', []).follows).toBe('cr-v1');
  });
});
