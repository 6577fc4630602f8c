import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { appsClient } from '../apps/testing.ts';

// A real MP4/JPEG header is what the upload check reads; the rest is payload.
const mp4 = Buffer.concat([
  Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1'),
  Buffer.alloc(2000, 3),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);

// The operator's takedown of a video, as viewers meet it: gone from the feed and search on the
// next request, and back on both after the reinstatement.
describe.each(testEngines)('video moderation on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  let operator: string;
  let videoId: string;
  const caption = 'Hand-pulled noodles at dawn';

  const feedIds = async () =>
    ((await c.call('GET', '/api/feed?limit=50')).json.items as Array<{ video_id: string }>).map(
      (i) => i.video_id,
    );
  const searchIds = async () =>
    (
      (await c.call('POST', '/api/searches', { body: { q: 'noodles' } })).json.items as Array<{ id: string }>
    ).map((i) => i.id);
  const moderate = (action: string, body?: unknown) =>
    c.call('POST', `/api/operator/videos/${videoId}/${action}`, {
      token: operator,
      ...(body ? { body } : {}),
    });

  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
    operator = (await c.operator()).token;
    const creator = await c.endUser();
    const made = await c.call('POST', '/api/operator/creators', {
      token: operator,
      body: { user_id: creator.userId, display_name: 'Dawn Kitchen' },
    });
    expect(made.status).toBe(204);
    const form = new FormData();
    form.append('caption', caption);
    form.append('video', new Blob([new Uint8Array(mp4)], { type: 'video/mp4' }), 'v.mp4');
    form.append('cover', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'c.jpg');
    const encoded = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/videos',
      headers: {
        authorization: `Bearer ${creator.token}`,
        'content-type': encoded.headers.get('content-type') as string,
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(res.statusCode, res.body).toBe(201);
    videoId = res.json().video_id;
    expect(videoId).toMatch(/^vid_/);
  });
  afterAll(async () => t?.stop());

  it('takes a video out of the feed and search at once, with its reason, and reinstates it', async () => {
    expect(await feedIds()).toContain(videoId);
    expect(await searchIds()).toContain(`video:${videoId}`);

    const down = await moderate('takedown', { reason: 'Shows a prohibited product' });
    expect(down.status, JSON.stringify(down.json)).toBe(200);
    expect(down.json.video).toMatchObject({
      id: videoId,
      status: 'taken_down',
      takedown_reason: 'Shows a prohibited product',
      creator: { name: 'Dawn Kitchen' },
    });
    expect(await feedIds()).not.toContain(videoId);
    expect(await searchIds()).not.toContain(`video:${videoId}`);
    expect((await c.call('GET', `/api/videos/${videoId}`)).status).toBe(404);
    // Twice is refused with its reason, and nothing changes.
    const again = await moderate('takedown', { reason: 'again' });
    expect([again.status, again.json.error.code]).toEqual([409, 'CONTENT_VIDEO_NOT_PUBLISHED']);

    const listed = await c.call('GET', '/api/operator/videos?status=taken_down', { token: operator });
    expect(listed.json.videos.map((v: { id: string }) => v.id)).toEqual([videoId]);
    const creators = await c.call('GET', '/api/operator/creators', { token: operator });
    expect(creators.json.creators).toContainEqual(
      expect.objectContaining({ name: 'Dawn Kitchen', published: 0, taken_down: 1 }),
    );

    const back = await moderate('reinstate');
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json.video).toMatchObject({ status: 'published', takedown_reason: null });
    expect(await feedIds()).toContain(videoId);
    expect(await searchIds()).toContain(`video:${videoId}`);
    const twice = await moderate('reinstate');
    expect([twice.status, twice.json.error.code]).toEqual([409, 'CONTENT_VIDEO_NOT_TAKEN_DOWN']);
    const none = await c.call('POST', '/api/operator/videos/vid_none/takedown', {
      token: operator,
      body: { reason: 'x' },
    });
    expect([none.status, none.json.error.code]).toEqual([404, 'CONTENT_VIDEO_NOT_FOUND']);
  });
});
