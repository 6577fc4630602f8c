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
import { createFunnelService, funnelMigrations, funnelPlugin } from '../funnel/index.ts';
import { createRecommendationService, recommendationMigrations } from '../recommendation/index.ts';
import { fixedRandom } from '../recommendation/testing.ts';
import { type AppCard, contentMigrations, contentPlugin, createContentService } from './index.ts';
import { sampleMedia } from './testing.ts';

const { mp4, jpeg } = sampleMedia;
const webm = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x84]),
  Buffer.from('webm'),
  Buffer.alloc(500, 1),
]);

function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }>) {
  const boundary = '----plaza-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n`,
      ),
    );
    if (p.type) chunks.push(Buffer.from(`Content-Type: ${p.type}\r\n`));
    chunks.push(
      Buffer.from('\r\n'),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testEngines)('content and feed on %s', (engine) => {
  let target: TestTarget;
  let app: FastifyInstance;
  let db: ReturnType<typeof openDatabase>['db'];
  const clock = manualClock(Date.UTC(2026, 10, 1));
  // The apps that may be mounted now: the port content depends on, controlled by the test.
  const mountable = new Map<string, AppCard>([
    [
      'ttshop',
      {
        appid: 'ttshop',
        name: 'Noodle Shop',
        iconUrl: null,
        orgId: 'org_shop',
        createdAt: Date.UTC(2026, 0, 1),
      },
    ],
    [
      'ttnew',
      {
        appid: 'ttnew',
        name: 'New Bakery',
        iconUrl: null,
        orgId: 'org_bakery',
        createdAt: Date.UTC(2026, 9, 30),
      },
    ],
  ]);
  let content: ReturnType<typeof createContentService>;

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
    const funnel = createFunnelService(db);
    content = createContentService({
      db,
      clock,
      blobs: createFileBlobStore(`${target.env.PLAZA_DATA_DIR}/blobs`),
      funnel,
      // A fixed sequence for Thompson sampling: the same pages on every run.
      ranker: createRecommendationService({ db, clock, random: fixedRandom() }),
      apps: {
        mountable: async (ids) =>
          new Map(ids.flatMap((id) => (mountable.has(id) ? [[id, mountable.get(id) as AppCard]] : []))),
      },
      limits: { videoBytes: 100_000, coverBytes: 10_000 },
    });
    app = await buildApp({
      logger: createLogger('silent'),
      bodyLimit: 100_000,
      publicUrl: 'http://x',
      authenticators: [
        async (req) => {
          const t = bearerToken(req);
          if (!t) return undefined;
          if (t === 'dev')
            return { kind: 'account', accountId: 'acc', operator: false, sessionId: 's', via: 'bearer' };
          if (t === 'op')
            return { kind: 'account', accountId: 'op', operator: true, sessionId: 's', via: 'bearer' };
          return { kind: 'user', userId: t, sessionId: 's', via: 'bearer' };
        },
      ],
      modules: async (a) => {
        await a.register(contentPlugin, {
          content,
          blobs: createFileBlobStore(`${target.env.PLAZA_DATA_DIR}/blobs`),
          maxUploadBytes: 100_000,
          // The mounting routes are exercised over the whole platform (live.http.test.ts).
          authorizeAppEditor: async () => {
            throw new Error('not used here');
          },
          authorizeAppReader: async () => {
            throw new Error('not used here');
          },
          authorizeOrgEditor: async () => {
            throw new Error('not used here');
          },
          authorizeOrgReader: async () => {
            throw new Error('not used here');
          },
        });
        await a.register(funnelPlugin, {
          funnel,
          authorizeAppReader: async (p, appid) => {
            if (p.kind !== 'account' || appid !== 'ttshop') throw new Error('not allowed');
          },
        });
      },
    });
    await content.becomeCreator('creator1', 'Chef Li');
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await target.drop();
  });

  const upload = (user: string, parts: Parameters<typeof multipart>[0]) => {
    const m = multipart(parts);
    return app.inject({
      method: 'POST',
      url: '/api/videos',
      headers: { ...m.headers, authorization: `Bearer ${user}` },
      payload: m.payload,
    });
  };
  const videoParts = (caption: string, anchor?: object, file = mp4) => [
    { name: 'caption', value: caption },
    ...(anchor ? [{ name: 'anchor', value: JSON.stringify(anchor) }] : []),
    { name: 'video', value: file, filename: 'v.mp4', type: 'video/mp4' },
    { name: 'cover', value: jpeg, filename: 'c.jpg', type: 'image/jpeg' },
  ];

  it('publishes a video with an anchor and serves it with ranges', async () => {
    const res = await upload(
      'creator1',
      videoParts('Hand-pulled noodles', {
        appid: 'ttshop',
        title: 'Order noodles',
        path: 'pages/shop/shop?from=video',
      }),
    );
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v.anchor).toEqual({
      appid: 'ttshop',
      app_name: 'Noodle Shop',
      app_icon_url: null,
      title: 'Order noodles',
      path: 'pages/shop/shop?from=video',
    });
    const part = await app.inject({ url: v.video_url, headers: { range: 'bytes=4-11' } });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('ftypisom');
    const cover = await app.inject({ url: v.cover_url });
    expect(cover.headers['content-type']).toBe('image/jpeg');
  });

  it('accepts WebM too', async () => {
    const res = await upload('creator1', videoParts('WebM clip', undefined, webm));
    expect(res.statusCode).toBe(201);
    expect(res.json().video_type).toBe('video/webm');
  });

  it('refuses what is not a video, an anchor to an unmountable app, a non-creator, oversize and missing parts, storing nothing', async () => {
    const before = (await app.inject('/api/feed?limit=50')).json().items.length;
    const cases: Array<[ReturnType<typeof upload>, number, string]> = [
      [
        upload(
          'creator1',
          videoParts('fake', undefined, Buffer.from('<html><script>alert(1)</script></html>')),
        ),
        415,
        'CONTENT_NOT_A_VIDEO',
      ],
      [
        upload('creator1', videoParts('x', { appid: 'ttgone', title: 't', path: 'pages/a/a' })),
        422,
        'CONTENT_ANCHOR_APP_NOT_MOUNTABLE',
      ],
      [
        upload('creator1', videoParts('x', { appid: 'ttshop', title: 't', path: '../../etc/passwd' })),
        400,
        'CONTENT_ANCHOR_PATH_INVALID',
      ],
      [upload('someone', videoParts('x')), 403, 'CONTENT_NOT_CREATOR'],
      [
        upload('creator1', videoParts('big', undefined, Buffer.concat([mp4, Buffer.alloc(200_000)]))),
        413,
        'CONTENT_FILE_TOO_LARGE',
      ],
      [upload('creator1', [{ name: 'caption', value: 'no files' }]), 400, 'CONTENT_UPLOAD_INCOMPLETE'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
    expect((await app.inject('/api/feed?limit=50')).json().items.length).toBe(before);
  });

  it('drops an anchor from the feed when its app is taken down, without breaking the video', async () => {
    const res = await upload(
      'creator1',
      videoParts('Bakery', { appid: 'ttnew', title: 'Buy bread', path: 'pages/index/index' }),
    );
    const id = res.json().video_id;
    mountable.delete('ttnew');
    // The feed keeps an app's mountability for a few seconds.
    clock.advance(6_000);
    const again = await app.inject(`/api/videos/${id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json().anchor).toBeNull();
  });

  it('pages the feed with a cursor, never repeating a video, and refuses forged cursors', async () => {
    await content.becomeCreator('creator2', 'Baker Wu');
    for (let i = 0; i < 12; i++) {
      clock.advance(60_000);
      await upload(i % 3 === 0 ? 'creator2' : 'creator1', videoParts(`clip ${i}`));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: {
        statusCode: number;
        json(): { items: Array<{ video_id: string }>; next_cursor: string | null };
      } = await app.inject(`/api/feed?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((v: { video_id: string }) => v.video_id));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(14);

    const forged = await app.inject('/api/feed?cursor=eyJoIjo5OTk5fQ.AAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('CONTENT_BAD_CURSOR');
  });

  // The feed is the recommender's now: a guest gets popular videos with provider fairness
  // (no fixed exploration slots: those go to signed-in users who like the item's
  // category, tested in the recommendation module), so only the climb is asserted here.
  it('ranks a video up once people watch it to the end', async () => {
    const page = (await app.inject('/api/feed?limit=8')).json().items as Array<{
      video_id: string;
      why: string;
    }>;
    expect(page.every((v) => v.why.length > 0)).toBe(true);
    const target = page[page.length - 1] as { video_id: string };
    const events = Array.from({ length: 30 }, () => ({
      type: 'complete',
      video_id: target.video_id,
      at: clock.now(),
    }));
    expect(
      (await app.inject({ method: 'POST', url: '/api/feed/events', payload: { events } })).statusCode,
    ).toBe(200);
    const after = (await app.inject('/api/feed?limit=8')).json().items as Array<{ video_id: string }>;
    // From last to the top three: provider fairness may hold a much-shown creator back from first.
    const rank = after.findIndex((v) => v.video_id === target.video_id);
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
  });

  it('stores a valid batch of events and refuses a batch with a bad one, storing none of it', async () => {
    const vid = (await app.inject('/api/feed?limit=1')).json().items[0].video_id;
    const now = clock.now();
    const ok = await app.inject({
      method: 'POST',
      url: '/api/feed/events',
      headers: { authorization: 'Bearer viewer1' },
      payload: {
        events: [
          { type: 'impression', video_id: vid, at: now },
          { type: 'anchor_exposure', video_id: vid, appid: 'ttshop', at: now },
          { type: 'anchor_click', video_id: vid, appid: 'ttshop', at: now },
          { type: 'app_open', appid: 'ttshop', at: now },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    const funnelBefore = (
      await app.inject({
        url: '/api/apps/ttshop/funnel?from=2026-11-01&to=2026-11-01',
        headers: { authorization: 'Bearer dev' },
      })
    ).json();
    for (const events of [
      [
        { type: 'impression', video_id: vid, at: now },
        { type: 'anchor_click', appid: 'ttshop', at: now + 3600_000 },
      ],
      [{ type: 'teleport', video_id: vid, at: now }],
      [{ type: 'play', video_id: 'vid_missing', at: now }],
      [{ type: 'anchor_click', at: now }],
      [{ type: 'play', video_id: vid, at: 'yesterday' }],
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/feed/events', payload: { events } });
      expect(res.statusCode).toBe(400);
    }
    const funnelAfter = (
      await app.inject({
        url: '/api/apps/ttshop/funnel?from=2026-11-01&to=2026-11-01',
        headers: { authorization: 'Bearer dev' },
      })
    ).json();
    expect(funnelAfter).toEqual(funnelBefore);
    expect(funnelAfter.days[0]).toMatchObject({
      date: '2026-11-01',
      anchor_exposure: 1,
      anchor_click: 1,
      app_open: 1,
    });
  });

  it('counts a reported step only from a signed-in user, once per user, app, video and day', async () => {
    const vids = ((await app.inject('/api/feed?limit=2')).json().items as Array<{ video_id: string }>).map(
      (v) => v.video_id,
    );
    const now = clock.now();
    const funnelDay = async () =>
      (
        await app.inject({
          url: '/api/apps/ttshop/funnel?from=2026-11-01&to=2026-11-01',
          headers: { authorization: 'Bearer dev' },
        })
      ).json().days[0];
    const report = (events: unknown[], user?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/feed/events',
        headers: user ? { authorization: `Bearer ${user}` } : {},
        payload: { events },
      });
    const before = await funnelDay();
    // Fifty anonymous opens, in two batches: stored as feed events, counted nowhere.
    const opens = Array.from({ length: 50 }, (_, i) => ({ type: 'app_open', appid: 'ttshop', at: now + i }));
    for (const batch of [opens.slice(0, 25), opens.slice(25)])
      expect((await report(batch)).statusCode).toBe(200);
    expect(await funnelDay()).toEqual(before);
    // One user repeating the same steps all day counts once; another video or user counts again.
    for (const user of ['fan1', 'fan1', 'fan2']) {
      const events = [
        ...opens.slice(0, 10),
        { type: 'anchor_exposure', video_id: vids[0], appid: 'ttshop', at: now + 60_000 },
        { type: 'anchor_exposure', video_id: vids[0], appid: 'ttshop', at: now + 120_000 },
        { type: 'anchor_exposure', video_id: vids[1], appid: 'ttshop', at: now + 120_000 },
        { type: 'anchor_click', video_id: vids[1], appid: 'ttshop', at: now + 180_000 },
      ];
      expect((await report(events, user)).statusCode).toBe(200);
    }
    const after = await funnelDay();
    expect({
      app_open: after.app_open - before.app_open,
      anchor_exposure: after.anchor_exposure - before.anchor_exposure,
      anchor_click: after.anchor_click - before.anchor_click,
    }).toEqual({ app_open: 2, anchor_exposure: 4, anchor_click: 2 });
  });

  it('counts a like once per user', async () => {
    const vid = (await app.inject('/api/feed?limit=1')).json().items[0].video_id;
    const like = () =>
      app.inject({
        method: 'POST',
        url: `/api/videos/${vid}/like`,
        headers: { authorization: 'Bearer fan1' },
      });
    const first = (await like()).json().likes;
    expect((await like()).json().likes).toBe(first);
    const unliked = await app.inject({
      method: 'DELETE',
      url: `/api/videos/${vid}/like`,
      headers: { authorization: 'Bearer fan1' },
    });
    expect(unliked.json().likes).toBe(first - 1);
  });

  it('creates a POI with a service anchor (operators only)', async () => {
    const body = {
      name: 'Li Noodles, Nanshan',
      address: '1 Keyuan Rd',
      lat: 22.54,
      lng: 113.95,
      anchors: [{ appid: 'ttshop', title: 'Order', path: 'pages/shop/shop' }],
    };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/pois',
          payload: body,
          headers: { authorization: 'Bearer dev' },
        })
      ).statusCode,
    ).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: '/api/pois',
      payload: body,
      headers: { authorization: 'Bearer op' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Li Noodles, Nanshan',
      lat: 22.54,
      anchors: [{ appid: 'ttshop' }],
    });
  });

  it('points a video to a place: its card names the POI, an unknown POI is refused storing nothing', async () => {
    const poi = await app.inject({
      method: 'POST',
      url: '/api/pois',
      payload: { name: '李记面馆 Li Noodles', address: '2 Keyuan Rd', lat: 22.5, lng: 113.9 },
      headers: { authorization: 'Bearer op' },
    });
    const poiId = poi.json().poi_id as string;
    const withPlace = [...videoParts('At the shop'), { name: 'poi_id', value: poiId }];
    const res = await upload('creator1', withPlace);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().place).toEqual({ poi_id: poiId, name: '李记面馆 Li Noodles' });
    const feed = (await app.inject('/api/feed?limit=50')).json().items as Array<{
      video_id: string;
      place: unknown;
    }>;
    expect(feed.find((v) => v.video_id === res.json().video_id)?.place).toEqual({
      poi_id: poiId,
      name: '李记面馆 Li Noodles',
    });
    const before = feed.length;
    const bad = await upload('creator1', [...videoParts('Nowhere'), { name: 'poi_id', value: 'poi_nope' }]);
    expect([bad.statusCode, bad.json().error.code]).toEqual([404, 'CONTENT_POI_NOT_FOUND']);
    expect((await app.inject('/api/feed?limit=50')).json().items).toHaveLength(before);
    expect((await app.inject(`/api/videos/${res.json().video_id}`)).json().place.poi_id).toBe(poiId);
  });
});
