import type { ItemFacts } from './recommendation.model.ts';
import { providerOf } from './recommendation.model.ts';

/** The signals the recommender learns from. */
export const signalKinds = [
  'impression',
  'complete',
  'like',
  'share',
  'follow',
  'anchor_click',
  'app_open',
  'order',
  'refund',
  'complaint',
] as const;
export type SignalKind = (typeof signalKinds)[number];

/** How much each signal says "more like this" in the user's taste (impressions count shows). */
const positiveWeight: Partial<Record<SignalKind, number>> = {
  complete: 1,
  like: 1,
  share: 1,
  follow: 2,
  anchor_click: 1,
  app_open: 1,
  order: 2,
};

export interface ItemDelta {
  impressions: number;
  completes: number;
  likes: number;
  orders: number;
}
export interface ProviderDelta {
  key: string;
  impressions: number;
  orders: number;
  refunds: number;
  complaints: number;
}

/** What one signal changes in the model state: counters only, so every change is an increment. */
export interface StateChange {
  item: ItemDelta;
  provider: ProviderDelta;
  /** The user's feature counters (empty for a guest). */
  features: Array<{ feature: string; shows: number; positives: number }>;
  /** Item pairs seen together by one user, each counted in both directions. */
  covisits: Array<[string, string]>;
  /** A creator the user now follows. */
  follows: string | null;
  /** Whether the item joins the user's recent engaged items. */
  engaged: boolean;
  /** The item's category as everyone's taste at this time of day (guests included). */
  daytime: { feature: string; shows: number; positives: number } | null;
}

/** The features of an item a user's taste is counted on. */
export function featuresOf(item: ItemFacts): string[] {
  const out = [`creator:${item.creatorId}`];
  if (item.category) out.push(`category:${item.category}`);
  if (item.appid) out.push(`app:${item.appid}`);
  if (item.poiId) out.push(`poi:${item.poiId}`);
  return out;
}

/** How many recent engaged items seed co-visitation. */
export const recentKept = 5;

/**
 * The state change for one signal from one user (null for a guest) on one item, given the
 * user's recent engaged items. Applied at once, so the next page already reflects it.
 *
 * @example changeFor('like', item, 'usr_1', ['vid_2']) // item.likes +1, taste +1, pair (vid_2, item)
 */
export function changeFor(
  kind: SignalKind,
  item: ItemFacts,
  userId: string | null,
  recent: readonly string[],
): StateChange {
  const weight = positiveWeight[kind] ?? 0;
  const signedIn = userId !== null;
  const engaged = signedIn && weight > 0;
  return {
    item: {
      impressions: kind === 'impression' ? 1 : 0,
      completes: kind === 'complete' ? 1 : 0,
      likes: kind === 'like' ? 1 : 0,
      orders: kind === 'order' ? 1 : 0,
    },
    provider: {
      key: providerOf(item),
      impressions: kind === 'impression' ? 1 : 0,
      orders: kind === 'order' ? 1 : 0,
      refunds: kind === 'refund' ? 1 : 0,
      complaints: kind === 'complaint' ? 1 : 0,
    },
    features:
      signedIn && (kind === 'impression' || weight > 0)
        ? featuresOf(item).map((feature) => ({
            feature,
            shows: kind === 'impression' ? 1 : 0,
            positives: weight,
          }))
        : [],
    covisits:
      engaged && kind === 'complete'
        ? recent
            .filter((other) => other !== item.id)
            .slice(0, recentKept)
            .flatMap(
              (other): Array<[string, string]> => [
                [other, item.id],
                [item.id, other],
              ],
            )
        : [],
    follows: signedIn && kind === 'follow' ? item.creatorId : null,
    engaged,
    daytime:
      item.category && (kind === 'impression' || weight > 0)
        ? { feature: `category:${item.category}`, shows: kind === 'impression' ? 1 : 0, positives: weight }
        : null,
  };
}

/** Which keys a user's candidates are fetched by: the strongest features, recent items, follows. */
export function candidatePlan(
  features: ReadonlyMap<string, { shows: number; positives: number }>,
  perKind = 3,
): { categories: string[]; creators: string[]; apps: string[]; pois: string[] } {
  const top = (prefix: string) =>
    [...features]
      .filter(([f, c]) => f.startsWith(prefix) && c.positives > 0)
      .sort((a, b) => b[1].positives - a[1].positives || (a[0] < b[0] ? -1 : 1))
      .slice(0, perKind)
      .map(([f]) => f.slice(prefix.length));
  return { categories: top('category:'), creators: top('creator:'), apps: top('app:'), pois: top('poi:') };
}

/** The key of the row that totals every provider's impressions. */
export const allProviders = '*';

/**
 * Many changes of one user as the few writes that apply them: items grouped by equal
 * deltas, providers and features summed, the total of impressions under `*`.
 *
 * @example summedChanges(page.map((i) => ({ itemId: i.id, change: changeFor('impression', i, u, []) })))
 */
export function summedChanges(changes: ReadonlyArray<{ itemId: string; change: StateChange }>) {
  const items = new Map<string, { ids: string[]; delta: ItemDelta }>();
  const providers = new Map<string, ProviderDelta>();
  const features = new Map<string, { feature: string; shows: number; positives: number }>();
  const daytime = new Map<string, { feature: string; shows: number; positives: number }>();
  const count = (into: typeof features, f: { feature: string; shows: number; positives: number }) => {
    const known = into.get(f.feature) ?? { feature: f.feature, shows: 0, positives: 0 };
    known.shows += f.shows;
    known.positives += f.positives;
    into.set(f.feature, known);
  };
  const covisits = new Map<string, [string, string, number]>();
  const follows = new Set<string>();
  const engaged = new Set<string>();
  const add = (p: ProviderDelta) => {
    const known = providers.get(p.key) ?? {
      key: p.key,
      impressions: 0,
      orders: 0,
      refunds: 0,
      complaints: 0,
    };
    known.impressions += p.impressions;
    known.orders += p.orders;
    known.refunds += p.refunds;
    known.complaints += p.complaints;
    providers.set(p.key, known);
  };
  for (const { itemId, change } of changes) {
    const d = change.item;
    const shape = `${d.impressions}/${d.completes}/${d.likes}/${d.orders}`;
    const group = items.get(shape) ?? { ids: [], delta: d };
    group.ids.push(itemId);
    items.set(shape, group);
    add(change.provider);
    if (change.provider.impressions)
      add({
        key: allProviders,
        impressions: change.provider.impressions,
        orders: 0,
        refunds: 0,
        complaints: 0,
      });
    for (const f of change.features) count(features, f);
    if (change.daytime) count(daytime, change.daytime);
    for (const [a, b] of change.covisits) {
      const pair = covisits.get(`${a}\u0000${b}`) ?? [a, b, 0];
      pair[2]++;
      covisits.set(`${a}\u0000${b}`, pair);
    }
    if (change.follows) follows.add(change.follows);
    if (change.engaged) engaged.add(itemId);
  }
  return {
    items: [...items.values()],
    providers: [...providers.values()],
    features: [...features.values()],
    daytime: [...daytime.values()],
    covisits: [...covisits.values()],
    follows: [...follows],
    engaged: [...engaged],
  };
}

/** What a merchant's service record counts, as payments and customer service report it. */
export const serviceKinds = ['order', 'refund', 'complaint'] as const;

/**
 * The state change for an event of a merchant's service (no video named): the record of
 * the provider `app:<appid>`, and for an order, the user's taste for that app.
 *
 * @example serviceChangeFor({ appid: 'tt_1', kind: 'refund', userId: 'usr_1' }) // app:tt_1 refunds +1
 */
export function serviceChangeFor(event: {
  appid: string;
  kind: (typeof serviceKinds)[number];
  userId: string | null;
}): Pick<StateChange, 'provider' | 'features'> {
  return {
    provider: {
      key: providerOf({ appid: event.appid, creatorId: '' }),
      impressions: 0,
      orders: event.kind === 'order' ? 1 : 0,
      refunds: event.kind === 'refund' ? 1 : 0,
      complaints: event.kind === 'complaint' ? 1 : 0,
    },
    features:
      event.userId !== null && event.kind === 'order'
        ? [{ feature: `app:${event.appid}`, shows: 0, positives: positiveWeight.order ?? 0 }]
        : [],
  };
}

/** The four-hour band of the day (by the platform's clock) that time-of-day tastes are kept in. */
export const daytimeBandOf = (at: number): number => Math.floor(new Date(at).getUTCHours() / 4);
