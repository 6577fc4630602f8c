import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../../../test/support/test-database.ts';
import { buildApp } from '../../app.ts';
import { createFileBlobStore } from '../../blobs/index.ts';
import { manualClock } from '../../db/clock.ts';
import { openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import { bearerToken } from '../../http/access.ts';
import { createLogger } from '../../logging/logger.ts';
import { contentMigrations, contentPlugin, createContentService } from '../content/index.ts';
import { createFunnelService, funnelMigrations } from '../funnel/index.ts';
import {
  createRecommendationService,
  type RecommendationService,
  recommendationMigrations,
  recommendationPersonalData,
  recommendationPlugin,
} from './index.ts';
import { fixedRandom } from './testing.ts';

type FeedItem = { video_id: string; caption: string; why: string; creator: { id: string } };

describe.each(testEngines)('recommended feed on %s', (engine) => {
  let target: TestTarget;
  let app: FastifyInstance;
  let db: ReturnType<typeof openDatabase>['db'];
  let recommendation: RecommendationService;
  const clock = manualClock(Date.UTC(2026, 11, 1));
  const day = 24 * 3600_000;

  beforeAll(async () => {
    target = await createTestTarget(engine);
    db = openDatabase(target.target).db;
    await migrateToLatest(
      createMigrator(
        db,
        [contentMigrations, funnelMigrations, recommendationMigrations],
        engine === 'postgres' ? await currentSchema(db) : undefined,
      ),
    );
    recommendation = createRecommendationService({ db, clock, random: fixedRandom(11) });
    const content = createContentService({
      db,
      clock,
      blobs: createFileBlobStore(`${target.env.PLAZA_DATA_DIR}/blobs`),
      funnel: createFunnelService(db),
      ranker: recommendation,
      apps: { mountable: async () => new Map() },
    });
    app = await buildApp({
      logger: createLogger('silent'),
      bodyLimit: 100_000,
      publicUrl: 'http://x',
      authenticators: [
        async (req) => {
          const t = bearerToken(req);
          if (!t) return undefined;
          if (t === 'op')
            return { kind: 'account', accountId: 'op', operator: true, sessionId: 's', via: 'bearer' };
          if (t === 'dev')
            return { kind: 'account', accountId: 'dev', operator: false, sessionId: 's', via: 'bearer' };
          return { kind: 'user', userId: t, sessionId: 's', via: 'bearer' };
        },
      ],
      modules: async (a) => {
        await a.register(contentPlugin, {
          content,
          blobs: createFileBlobStore(`${target.env.PLAZA_DATA_DIR}/blobs`),
          maxUploadBytes: 100_000,
          // No app's mounting list is read or written here.
          authorizeAppEditor: async () => {},
          authorizeAppReader: async () => {},
          authorizeOrgEditor: async () => {},
          authorizeOrgReader: async () => {},
        });
        await a.register(recommendationPlugin, { recommendation });
      },
    });
    // Two old, much-watched catalogues (food and cars) and, later, one new food creator.
    for (const [topic, creator] of [
      ['food', 'chef'],
      ['cars', 'racer'],
    ] as const) {
      for (let k = 0; k < 12; k++) {
        await insertVideo(`${topic}${k}`, creator, `#${topic} clip ${k}`, clock.now() - 20 * day);
      }
    }
    await recommendation.learn(
      null,
      Array.from({ length: 24 }, (_, k) => ({
        kind: 'complete',
        videoId: k < 12 ? `food${k}` : `cars${k - 12}`,
      })),
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await target?.drop();
  });

  async function insertVideo(
    id: string,
    creator: string,
    caption: string,
    at: number,
    appid: string | null = null,
  ) {
    await db
      .insertInto('creator')
      .values({ user_id: creator, display_name: creator, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('video')
      .values({
        id,
        creator_id: creator,
        caption,
        video_blob: 'b'.repeat(64),
        video_type: 'video/mp4',
        video_size: 10,
        cover_blob: 'c'.repeat(64),
        cover_type: 'image/jpeg',
        status: 'published',
        created_at: at,
        impressions: 0,
        plays: 0,
        completes: 0,
        likes: 0,
        hot: 0,
        fresh: 0,
      })
      .execute();
    await recommendation.itemPublished({
      videoId: id,
      creatorId: creator,
      appid,
      caption,
      createdAt: at,
    });
  }

  const feed = async (user?: string, limit = 10): Promise<FeedItem[]> => {
    const res = await app.inject({
      url: `/api/feed?limit=${limit}`,
      ...(user ? { headers: { authorization: `Bearer ${user}` } } : {}),
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const report = async (user: string, events: Array<{ type: string; video_id: string }>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/feed/events',
      headers: { authorization: `Bearer ${user}` },
      payload: { events: events.map((e) => ({ ...e, at: clock.now() })) },
    });
    expect(res.statusCode).toBe(200);
  };
  const topicShare = (items: FeedItem[], topic: string) =>
    items.filter((i) => i.caption.startsWith(`#${topic}`)).length / items.length;

  it('turns what a signed-in user watched and liked into their next page, at once', async () => {
    const first = await feed('usr_foodie');
    const food = first.filter((i) => i.caption.startsWith('#food'));
    expect(food.length).toBeGreaterThan(0);
    await report(
      'usr_foodie',
      food.flatMap((i) => [
        { type: 'complete', video_id: i.video_id },
        { type: 'like', video_id: i.video_id },
      ]),
    );
    const next = await feed('usr_foodie');
    // Nothing already served comes back, and the rest of the food catalogue leads.
    expect(next.some((i) => first.some((f) => f.video_id === i.video_id))).toBe(false);
    expect(topicShare(next, 'food')).toBeGreaterThan(0.5);
    expect(next.some((i) => i.why === 'category' || i.why === 'creator' || i.why === 'covisit')).toBe(true);
  });

  it("puts a followed creator's videos in the next page and counts a share as engagement", async () => {
    const first = await feed('usr_follower');
    const racer = first.find((i) => i.caption.startsWith('#cars'));
    expect(racer).toBeDefined();
    await report('usr_follower', [
      { type: 'follow', video_id: racer!.video_id },
      { type: 'share', video_id: racer!.video_id },
    ]);
    const next = await feed('usr_follower');
    expect(next.some((i) => i.why === 'followed' && i.creator.id === 'racer')).toBe(true);
    const held = (await recommendationPersonalData(db).export('usr_follower')) as {
      follows: string[];
      recent: Array<{ video_id: string }>;
      tastes: Array<{ feature: string; positives: number }>;
    };
    expect(held.follows).toEqual(['racer']);
    // The share made the video a recent engagement (a co-visitation seed) and a taste.
    expect(held.recent.map((r) => r.video_id)).toEqual([racer!.video_id]);
    expect(held.tastes.find((t) => t.feature === 'category:cars')?.positives).toBe(3);
  });

  it('puts what it learnt of a user in their export and forgets it with their account', async () => {
    const first = await feed('usr_erased');
    await report('usr_erased', [{ type: 'like', video_id: first[0]!.video_id }]);
    const rights = recommendationPersonalData(db);
    const held = (await rights.export('usr_erased')) as { tastes: unknown[]; served: unknown[] };
    expect(held.tastes.length).toBeGreaterThan(0);
    expect(held.served.length).toBeGreaterThan(0);
    await db.transaction().execute((trx) => rights.erase('usr_erased', trx));
    expect(await rights.export('usr_erased')).toEqual({ tastes: [], recent: [], follows: [], served: [] });
    // Another user's model is untouched.
    expect(((await rights.export('usr_foodie')) as { tastes: unknown[] }).tastes.length).toBeGreaterThan(0);
  });

  it('serves a guest the popular videos and a signed-in user their own page', async () => {
    const guest = await feed(undefined, 6);
    expect(guest.every((i) => ['popular', 'fresh', 'daytime'].includes(i.why))).toBe(true);
    const other = await feed('usr_new', 6);
    expect(other.map((i) => i.video_id)).not.toEqual((await feed('usr_foodie', 6)).map((i) => i.video_id));
  });

  it("gives a new creator's video an exploration slot with a user who likes its category", async () => {
    clock.advance(60_000);
    await insertVideo('newfood', 'newchef', '#food first dish', clock.now());
    const foodie = await feed('usr_foodie');
    expect(foodie.find((i) => i.video_id === 'newfood')?.why).toBe('fresh');
    // That it is not spent on users who do not like the category is pinned in page-ranking.test.ts.
  });

  it('shows the operator the fairness figures and lets them set the exploration share', async () => {
    expect((await app.inject({ url: '/api/operator/recommendation/fairness' })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          url: '/api/operator/recommendation/fairness',
          headers: { authorization: 'Bearer dev' },
        })
      ).statusCode,
    ).toBe(403);
    const res = await app.inject({
      url: '/api/operator/recommendation/fairness',
      headers: { authorization: 'Bearer op' },
    });
    expect(res.statusCode).toBe(200);
    const figures = res.json();
    expect(figures.providers).toBeGreaterThanOrEqual(3);
    expect(figures.exposure_gini).toBeGreaterThanOrEqual(0);
    expect(figures.exposure_gini).toBeLessThan(1);
    expect(figures.exploration_share).toBe(0.2);

    const bad = await app.inject({
      method: 'PUT',
      url: '/api/operator/recommendation/settings',
      headers: { authorization: 'Bearer op' },
      payload: { exploration_share: 0.9 },
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'RECOMMENDATION_SETTING_INVALID']);
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/operator/recommendation/settings',
      headers: { authorization: 'Bearer op' },
      payload: { exploration_share: 0 },
    });
    expect(ok.json().exploration_share).toBe(0);
    // With no exploration budget, a new video in the user's category gets no `fresh` slot.
    clock.advance(60_000);
    await insertVideo('newfood2', 'newchef2', '#food second dish', clock.now());
    expect((await feed('usr_foodie')).find((i) => i.video_id === 'newfood2')?.why).not.toBe('fresh');
  });

  it("lowers a merchant's exposure on the next page once refunds and complaints come in", async () => {
    // Three tea shops alike in everything, each with well-watched videos.
    const shops = ['tt_teaa', 'tt_teab', 'tt_teac'];
    for (const [s, appid] of shops.entries()) {
      for (let k = 0; k < 6; k++) {
        await insertVideo(`tea${s}_${k}`, `brewer${s}`, `#tea cup ${k}`, clock.now() - 20 * day, appid);
        await recommendation.learn(
          null,
          Array.from({ length: 12 }, () => ({ kind: 'complete', videoId: `tea${s}_${k}` })),
        );
      }
    }
    const shown = (items: FeedItem[]) => items.filter((i) => i.video_id.startsWith('tea0_')).length;
    // Three first pages of new guests, so one page's sampling does not decide.
    const pages = async () =>
      shown([...(await feed(undefined, 12)), ...(await feed(undefined, 12)), ...(await feed(undefined, 12))]);
    const before = await pages();
    expect(before).toBeGreaterThanOrEqual(3);
    for (let k = 0; k < 10; k++) {
      await recommendation.serviceRecorded(db, { appid: 'tt_teaa', kind: 'order', userId: `usr_buyer${k}` });
      await recommendation.serviceRecorded(db, {
        appid: 'tt_teaa',
        kind: k % 2 ? 'refund' : 'complaint',
        userId: `usr_buyer${k}`,
      });
    }
    const after = await pages();
    expect(after).toBeLessThan(before);
    // An order also counts in the buyer's taste for the shop (and is theirs to export).
    const held = (await recommendationPersonalData(db).export('usr_buyer0')) as {
      tastes: Array<{ feature: string; positives: number }>;
    };
    expect(held.tastes).toEqual([{ feature: 'app:tt_teaa', shows: 0, positives: 2 }]);
  });

  it("leans a guest's page to what everyone watches at this time of day", async () => {
    const at = (hour: number) => {
      const d = new Date(clock.now());
      let next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour);
      if (next <= clock.now()) next += day;
      clock.advance(next - clock.now());
    };
    for (const topic of ['porridge', 'cocktail']) {
      for (let k = 0; k < 8; k++)
        await insertVideo(`${topic}${k}`, `${topic}maker`, `#${topic} ${k}`, clock.now() - 20 * day);
    }
    const watch = (topic: string) =>
      recommendation.learn(
        'usr_daytime',
        Array.from({ length: 8 }, (_, k) => ({ kind: 'complete', videoId: `${topic}${k}` })),
      );
    at(8);
    await watch('porridge');
    at(22);
    await watch('cocktail');
    // One new guest's first page at each hour.
    const page = async () => {
      const items = await recommendation.page({ userId: null, session: `daytime-${clock.now()}`, limit: 12 });
      const count = (topic: string) => items.filter((r) => r.item.id.startsWith(topic)).length;
      return { porridge: count('porridge'), cocktail: count('cocktail'), why: items.map((r) => r.source) };
    };
    at(9);
    const morning = await page();
    at(23);
    const evening = await page();
    expect(morning.porridge).toBeGreaterThan(morning.cocktail);
    expect(morning.why).toContain('daytime');
    expect(evening.cocktail).toBeGreaterThan(evening.porridge);
  });

  it('proposes the apps of places near a guest who shared a location', async () => {
    const page = await recommendation.page({
      userId: null,
      session: 'near-1',
      limit: 12,
      nearApps: ['tt_teab'],
    });
    const near = page.filter((r) => r.source === 'poi');
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((r) => r.item.appid === 'tt_teab')).toBe(true);
    // Without a location, nothing is proposed as near.
    const elsewhere = await recommendation.page({ userId: null, session: 'near-2', limit: 12 });
    expect(elsewhere.some((r) => r.source === 'poi')).toBe(false);
  });

  it('counts new providers that reached 100 impressions on their first day', async () => {
    clock.advance(2 * day);
    const figures = await recommendation.fairness();
    expect(figures.newProviders).toBe(figures.providers);
    expect(figures.newProviderReachShare).toBeLessThan(1);
  });
});
