import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { sampleMedia } from '../content/testing.ts';
import { identityClient } from '../identity/testing.ts';
import { buildPackage, goodProgram, versionsClient } from '../versions/testing.ts';
import { ffmpegPush, push, pushedPlaylist, tsBytes } from './testing.ts';

type Events = {
  next(kind: string, match?: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): void;
};

/** Follows a room's event stream over a real connection, as the super app's EventSource does. */
async function follow(base: string, roomId: string): Promise<Events> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/live/rooms/${roomId}/stream`, {
    headers: { accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const queue: Array<{ event: string; data: Record<string, unknown> }> = [];
  let buffer = '';
  return {
    async next(kind, match = () => true) {
      for (;;) {
        const i = queue.findIndex((e) => e.event === kind && match(e.data));
        if (i >= 0) return queue.splice(i, 1)[0]?.data as Record<string, unknown>;
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before a ${kind} event`);
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) queue.push({ event, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    },
    close: () => controller.abort(),
  };
}

describe.each(testEngines)('live rooms over HTTP on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof versionsClient>;
  let base: string;
  let owner: Awaited<ReturnType<ReturnType<typeof versionsClient>['orgOwner']>>;
  let appid: string;
  let creator: { id: string; token: string };
  let rival: { id: string; token: string };
  let viewer: { id: string; token: string };
  let roomId: string;
  let ingest: string;
  const card = (title: string, path = 'pages/index/index?from=live') => ({ appid, title, path });
  const blobCount = () => {
    const dir = join(t.env.PLAZA_DATA_DIR ?? '', 'blobs');
    try {
      return readdirSync(dir, { recursive: true }).length;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    base = await t.listen();
    c = versionsClient(t);
    const operator = (await c.operator()).token;
    owner = await c.orgOwner();
    appid = (await c.createApp(owner, { name: 'Noodle Shop', request_domains: ['https://api.example.com'] }))
      .appid;
    const v = await c.uploadAndCheck(appid, owner.token, buildPackage(goodProgram()), '1.0.0');
    await c.approveAndRelease(appid, owner.token, operator, v.id);
    const users = identityClient(t);
    const signIn = async (name?: string) => {
      const u = await users.endUser();
      if (name) await t.content.becomeCreator(u.user.id, name);
      return { id: u.user.id, token: u.token };
    };
    [creator, rival, viewer] = [await signIn('Chef'), await signIn('Rival'), await signIn()];
  }, 120_000);
  afterAll(async () => t?.stop());

  it('lets a creator go live only with cards of apps that authorised them, one room at a time', async () => {
    const start = (who: { token: string }, body: object) =>
      c.call('POST', '/api/live/rooms', { token: who.token, body });
    const notCreator = await start(viewer, { title: 'hi' });
    expect([notCreator.status, notCreator.json.error.code]).toEqual([403, 'LIVE_NOT_CREATOR']);
    const unknownApp = await start(creator, { title: 'hi', anchor: { ...card('x'), appid: 'ttnope' } });
    expect([unknownApp.status, unknownApp.json.error.code]).toEqual([
      422,
      'CONTENT_ANCHOR_APP_NOT_MOUNTABLE',
    ]);

    // The app switches to influencer mounting, naming only the rival: the creator may not carry it.
    const mounting = (body: object, token = owner.token) =>
      c.call('PUT', `/api/apps/${appid}/mounting`, { token, body });
    expect((await mounting({ mode: 'influencer', creators: [rival.id] })).status).toBe(200);
    const refused = await start(creator, { title: '今晚吃面', anchor: card('点外卖') });
    expect([refused.status, refused.json.error.code]).toEqual([403, 'CONTENT_CREATOR_NOT_AUTHORISED']);
    const unknownCreator = await mounting({ mode: 'influencer', creators: [viewer.id] });
    expect([unknownCreator.status, unknownCreator.json.error.code]).toEqual([
      422,
      'CONTENT_MOUNTING_CREATOR_UNKNOWN',
    ]);
    const stranger = await c.orgOwner();
    expect((await mounting({ mode: 'ugc' }, stranger.token)).status).toBe(404);
    const oldName = await mounting({ mode: 'authorised', creators: [rival.id] });
    expect([oldName.status, oldName.json.error.code]).toEqual([400, 'HTTP_VALIDATION']);
    expect((await c.call('GET', `/api/apps/${appid}/mounting`, { token: owner.token })).json).toEqual({
      appid,
      mode: 'influencer',
      creators: [rival.id],
    });
    expect((await c.call('GET', '/api/live/rooms')).json.items).toEqual([]);

    // Authorised, the creator goes live with the card pinned; a second room waits for the first.
    expect((await mounting({ mode: 'influencer', creators: [rival.id, creator.id] })).status).toBe(200);
    const started = await start(creator, { title: '今晚吃面', anchor: card('点外卖') });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    roomId = started.json.room.room_id;
    ingest = new URL(started.json.ingest_url).pathname;
    expect(ingest).toMatch(new RegExp(`^/ingest/${roomId}/[A-Za-z0-9_-]{20,}/index\\.m3u8$`));
    expect(started.json.room).toMatchObject({
      status: 'live',
      creator: { id: creator.id, name: 'Chef' },
      pinned: { appid, app_name: 'Noodle Shop', title: '点外卖', path: 'pages/index/index?from=live' },
    });
    const again = await start(creator, { title: 'again' });
    expect([again.status, again.json.error.code]).toEqual([409, 'LIVE_ALREADY_LIVE']);
    expect(
      (await c.call('GET', '/api/live/rooms')).json.items.map((r: { room_id: string }) => r.room_id),
    ).toEqual([roomId]);
  });

  it('refuses bad tokens and bad segment bytes with coded errors, storing nothing', async () => {
    const blobsBefore = blobCount();
    const wrongToken = ingest.replace(/\/ingest\/([^/]+)\/[^/]+\//, '/ingest/$1/wrongtoken/');
    expect(await push(t, wrongToken, 'index0.ts', tsBytes())).toEqual({
      status: 404,
      code: 'LIVE_INGEST_TOKEN_INVALID',
    });
    const otherRoom = ingest.replace(roomId, 'live_nosuchroom');
    expect(await push(t, otherRoom, 'index0.ts', tsBytes())).toEqual({
      status: 404,
      code: 'LIVE_INGEST_TOKEN_INVALID',
    });
    expect(await push(t, ingest, 'index0.ts', Buffer.from('not a transport stream'))).toEqual({
      status: 415,
      code: 'LIVE_SEGMENT_NOT_TS',
    });
    const broken = tsBytes(3);
    broken[188] = 0;
    expect(await push(t, ingest, 'index0.ts', broken)).toEqual({ status: 415, code: 'LIVE_SEGMENT_NOT_TS' });
    expect(await push(t, ingest, 'index0.ts', tsBytes(22_400))).toEqual({
      status: 413,
      code: 'LIVE_SEGMENT_TOO_LARGE',
    });
    expect(await push(t, ingest, 'evil.mp4', tsBytes())).toEqual({
      status: 400,
      code: 'LIVE_INGEST_FILE_INVALID',
    });
    expect(await push(t, ingest, 'index.m3u8', 'hello')).toEqual({
      status: 400,
      code: 'LIVE_PLAYLIST_INVALID',
    });
    expect(blobCount()).toBe(blobsBefore);
    const segment = await c.call('GET', `/api/live/rooms/${roomId}/segments/index0.ts`);
    expect([segment.status, segment.json.error.code]).toEqual([404, 'LIVE_SEGMENT_NOT_FOUND']);
    expect((await t.app.inject({ url: `/api/live/rooms/${roomId}/playlist.m3u8` })).body).not.toContain(
      'segments/',
    );
  });

  it('serves pushed segments in a sliding live playlist', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `index${i}.ts`);
    for (const [i, name] of names.entries())
      expect((await push(t, ingest, name, tsBytes(4, i))).status).toBe(204);
    expect((await push(t, ingest, 'index.m3u8', pushedPlaylist(names))).status).toBe(204);
    const playlist = await t.app.inject({ url: `/api/live/rooms/${roomId}/playlist.m3u8` });
    expect(playlist.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    expect(playlist.body).toContain('#EXT-X-MEDIA-SEQUENCE:2');
    expect(playlist.body.match(/segments\/index\d\.ts/g)).toEqual(names.slice(2).map((n) => `segments/${n}`));
    expect(playlist.body).not.toContain('ENDLIST');
    const segment = await t.app.inject({ url: `/api/live/rooms/${roomId}/segments/index5.ts` });
    expect(segment.headers['content-type']).toBe('video/mp2t');
    expect(Buffer.compare(segment.rawPayload, tsBytes(4, 5))).toBe(0);
  });

  it('delivers viewer counts, pin changes, comments and likes over the room stream', async () => {
    const events = await follow(base, roomId);
    try {
      expect((await events.next('viewers', (d) => d.viewers === 1)).viewers).toBe(1);
      const pinned = await c.call('PUT', `/api/live/rooms/${roomId}/pin`, {
        token: creator.token,
        body: card('招牌牛肉面 ¥28', '/pages/index/index?dish=beef'),
      });
      expect(pinned.status, JSON.stringify(pinned.json)).toBe(200);
      expect(await events.next('pin')).toEqual({
        pinned: {
          appid,
          app_name: 'Noodle Shop',
          app_icon_url: null,
          title: '招牌牛肉面 ¥28',
          path: 'pages/index/index?dish=beef',
        },
      });
      // Only its creator pins, only valid pages, only mountable apps; the card stays as it was.
      const foreign = await c.call('PUT', `/api/live/rooms/${roomId}/pin`, {
        token: rival.token,
        body: card('x'),
      });
      expect([foreign.status, foreign.json.error.code]).toEqual([404, 'LIVE_ROOM_NOT_FOUND']);
      const badPath = await c.call('PUT', `/api/live/rooms/${roomId}/pin`, {
        token: creator.token,
        body: card('x', '../../etc/passwd'),
      });
      expect([badPath.status, badPath.json.error.code]).toEqual([400, 'CONTENT_ANCHOR_PATH_INVALID']);
      expect((await c.call('GET', `/api/live/rooms/${roomId}`)).json.pinned.title).toBe('招牌牛肉面 ¥28');

      const said = await c.call('POST', `/api/live/rooms/${roomId}/comments`, {
        token: viewer.token,
        body: { text: '看起来好好吃' },
      });
      expect(said.status).toBe(201);
      expect(await events.next('comment')).toMatchObject({ text: '看起来好好吃', user: { id: viewer.id } });
      expect(
        (
          await c.call('POST', `/api/live/rooms/${roomId}/comments`, {
            token: viewer.token,
            body: { text: ' ' },
          })
        ).status,
      ).toBe(400);
      expect(
        (await c.call('POST', `/api/live/rooms/${roomId}/comments`, { body: { text: 'anon' } })).status,
      ).toBe(401);
      const liked = await c.call('POST', `/api/live/rooms/${roomId}/likes`, {
        token: viewer.token,
        body: { count: 3 },
      });
      expect(liked.json).toEqual({ likes: 3 });
      expect(await events.next('like')).toEqual({ likes: 3, count: 3 });
      const room = (await c.call('GET', `/api/live/rooms/${roomId}`)).json;
      expect(room).toMatchObject({ likes: 3, viewers: 1, joins: 1 });
      expect(
        (await c.call('GET', `/api/live/rooms/${roomId}/comments`)).json.items.map(
          (i: { text: string }) => i.text,
        ),
      ).toEqual(['看起来好好吃']);
    } finally {
      events.close();
    }
  });

  it("under self-operated mounting lets only the org's own confirmed creator accounts carry the app, in rooms and on videos", async () => {
    const mounting = (body: object) =>
      c.call('PUT', `/api/apps/${appid}/mounting`, { token: owner.token, body });
    const pin = (title: string) =>
      c.call('PUT', `/api/live/rooms/${roomId}/pin`, { token: creator.token, body: card(title) });
    const publish = async (who: { id: string }) =>
      t.content.publishVideo({
        userId: who.id,
        caption: '自营好物',
        video: await t.content.storeUpload('video', sampleMedia.mp4),
        cover: await t.content.storeUpload('cover', sampleMedia.jpeg),
        anchor: card('自营套餐'),
      });
    const accounts = `/api/orgs/${owner.orgId}/creator-accounts`;
    const confirm = (who: { token: string }) =>
      c.call('POST', `/api/me/creator/orgs/${owner.orgId}/confirm`, { token: who.token });
    const notOwn = ['CONTENT_CREATOR_NOT_OWN_ACCOUNT'];

    // Authorised as an influencer, but not the org's own account: refused once self-operated.
    expect((await mounting({ mode: 'self_operated', creators: [rival.id, creator.id] })).status).toBe(200);
    const refused = await pin('自营套餐');
    expect([refused.status, refused.json.error.code]).toEqual([403, ...notOwn]);
    await expect(publish(creator)).rejects.toMatchObject({ code: notOwn[0] });

    // Named by the org, the creator counts only once they confirm; only the named may confirm.
    const named = await c.call('PUT', `${accounts}/${creator.id}`, { token: owner.token });
    expect(named.json).toMatchObject({ org_id: owner.orgId, creator_id: creator.id, confirmed_at: null });
    expect((await pin('自营套餐')).json.error.code).toBe(notOwn[0]);
    const notNamed = await confirm(rival);
    expect([notNamed.status, notNamed.json.error.code]).toEqual([404, 'CONTENT_ORG_ACCOUNT_NOT_FOUND']);
    const notCreator = await c.call('PUT', `${accounts}/${viewer.id}`, { token: owner.token });
    expect([notCreator.status, notCreator.json.error.code]).toEqual([404, 'CONTENT_CREATOR_NOT_FOUND']);
    const stranger = await c.orgOwner();
    expect((await c.call('PUT', `${accounts}/${rival.id}`, { token: stranger.token })).status).toBe(404);
    const confirmed = await confirm(creator);
    expect([confirmed.status, typeof confirmed.json.confirmed_at]).toEqual([200, 'number']);
    expect((await pin('自营套餐')).status).toBe(200);
    expect((await c.call('GET', `/api/live/rooms/${roomId}`)).json.pinned.title).toBe('自营套餐');
    expect((await publish(creator)).anchor?.appid).toBe(appid);
    await expect(publish(rival)).rejects.toMatchObject({ code: notOwn[0] });

    // Influencer mounting: the org's own accounts and the listed creators, no one else.
    expect((await mounting({ mode: 'influencer', creators: [rival.id] })).status).toBe(200);
    expect((await publish(creator)).anchor?.appid).toBe(appid);
    expect((await publish(rival)).anchor?.appid).toBe(appid);
    expect((await mounting({ mode: 'influencer', creators: [] })).status).toBe(200);
    await expect(publish(rival)).rejects.toMatchObject({ code: 'CONTENT_CREATOR_NOT_AUTHORISED' });

    // Taken back by the org, the account no longer counts; UGC mounting lets anyone.
    expect((await c.call('DELETE', `${accounts}/${creator.id}`, { token: owner.token })).status).toBe(204);
    expect((await c.call('GET', accounts, { token: owner.token })).json).toEqual({ items: [] });
    expect((await mounting({ mode: 'self_operated' })).status).toBe(200);
    expect((await pin('自营套餐')).json.error.code).toBe(notOwn[0]);
    expect((await mounting({ mode: 'ugc' })).status).toBe(200);
    expect((await publish(rival)).anchor?.appid).toBe(appid);
    expect((await mounting({ mode: 'influencer', creators: [rival.id, creator.id] })).status).toBe(200);
  });

  it("counts the room's funnel: card seen, tapped, app opened, and the order paid after", async () => {
    const step = (body: object, token?: string) =>
      c.call('POST', `/api/live/rooms/${roomId}/steps`, { body, ...(token ? { token } : {}) });
    for (const s of ['anchor_exposure', 'anchor_click', 'app_open'])
      expect((await step({ step: s, appid }, viewer.token)).json).toEqual({ counted: true });
    expect((await step({ step: 'anchor_click', appid }, viewer.token)).json).toEqual({ counted: false });
    expect((await step({ step: 'anchor_click', appid })).json).toEqual({ counted: false });
    const wrong = await step({ step: 'anchor_click', appid: 'ttother' }, viewer.token);
    expect([wrong.status, wrong.json.error.code]).toEqual([400, 'LIVE_STEP_INVALID']);
    // Payments record a paid order this way; it belongs to the room the app was opened from.
    await t.funnel.record(t.db, { appid, step: 'paid', userId: viewer.id, at: Date.now() });
    const funnel = await c.call('GET', `/api/live/rooms/${roomId}/funnel`, { token: creator.token });
    expect(funnel.json).toEqual({ joins: 1, anchor_exposure: 1, anchor_click: 1, app_open: 1, paid: 1 });
    expect((await c.call('GET', `/api/live/rooms/${roomId}/funnel`, { token: rival.token })).status).toBe(
      404,
    );
  });

  it('ends a room into a replay: every segment with ENDLIST, no more pushes or comments', async () => {
    const events = await follow(base, roomId);
    try {
      const ended = await c.call('POST', `/api/live/rooms/${roomId}/end`, { token: creator.token });
      expect(ended.json).toMatchObject({ status: 'ended', viewers: 0 });
      await events.next('ended');
    } finally {
      events.close();
    }
    const replay = (await t.app.inject({ url: `/api/live/rooms/${roomId}/playlist.m3u8` })).body;
    expect(replay.match(/segments\/index\d\.ts/g)).toHaveLength(8);
    expect(replay).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(replay.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(await push(t, ingest, 'index8.ts', tsBytes())).toEqual({ status: 409, code: 'LIVE_ROOM_ENDED' });
    const late = await c.call('POST', `/api/live/rooms/${roomId}/comments`, {
      token: viewer.token,
      body: { text: 'late' },
    });
    expect([late.status, late.json.error.code]).toEqual([409, 'LIVE_ROOM_ENDED']);
    expect((await c.call('GET', '/api/live/rooms?status=ended')).json.items[0].room_id).toBe(roomId);
    expect((await c.call('GET', '/api/live/rooms')).json.items).toEqual([]);
  });

  it("takes ffmpeg's own HLS push (-f hls -method PUT) and plays it back", async () => {
    const res = await fetch(`${base}/api/live/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${rival.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'ffmpeg' }),
    });
    const { room, ingest_url } = (await res.json()) as { room: { room_id: string }; ingest_url: string };
    const pushed = await ffmpegPush(ingest_url, 3);
    expect(pushed.code, pushed.log).toBe(0);
    // ffmpeg exits without waiting for its last uploads to be answered: wait for them.
    const playlistSegments = async () =>
      (await t.app.inject({ url: `/api/live/rooms/${room.room_id}/playlist.m3u8` })).body.match(
        /segments\/\S+\.ts/g,
      ) ?? [];
    await expect.poll(playlistSegments).toHaveLength(3);
    const segments = await playlistSegments();
    const bytes = (await t.app.inject({ url: `/api/live/rooms/${room.room_id}/${segments[0]}` })).rawPayload;
    expect(bytes[0]).toBe(0x47);
    expect(bytes.length % 188).toBe(0);
  }, 60_000);
});
