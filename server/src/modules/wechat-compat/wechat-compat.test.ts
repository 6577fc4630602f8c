import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { appsClient } from '../apps/testing.ts';

const base = '/compat/wechat';

// jsqr is CommonJS: its function is module.exports.default.
const jsQR = jsQRModule.default;

/** What a phone's camera reads from the PNG. */
function scanned(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe.each(testEngines)('WeChat server routes on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  beforeAll(async () => {
    t = await startTestPlatform(engine, {
      env: { PLAZA_DEMO: 'true', PLAZA_PUBLIC_URL: 'https://plaza.example' },
    });
    c = appsClient(t);
  });
  afterAll(async () => t?.stop());

  const loginCode = async (userToken: string, appid: string) =>
    (await c.call('POST', `/api/runtime/apps/${appid}/login`, { token: userToken })).json.code as string;

  it('exchanges wx.login’s code once with jscode2session, in errcode/errmsg when refused', async () => {
    const app = await c.createApp(await c.orgOwner());
    const user = await c.endUser();
    const code = await loginCode(user.token, app.appid);
    const url = (q: Record<string, string>) => `${base}/sns/jscode2session?${new URLSearchParams(q)}`;
    const ok = await c.call(
      'GET',
      url({ appid: app.appid, secret: app.secret, js_code: code, grant_type: 'authorization_code' }),
    );
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({
      openid: await t.login.openidFor(app.appid, user.userId),
      session_key: expect.stringMatching(/==$/),
      unionid: expect.stringMatching(/^u/),
    });
    const replay = await c.call('GET', url({ appid: app.appid, secret: app.secret, js_code: code }));
    expect([replay.status, replay.json.errcode]).toEqual([200, 40163]);
    expect(replay.json.errmsg).toMatch(/^code been used rid: /);
    expect(
      (await c.call('GET', url({ appid: app.appid, secret: app.secret, js_code: 'forged' }))).json.errcode,
    ).toBe(40029);
    expect((await c.call('GET', url({ appid: app.appid, secret: 'wrong', js_code: 'x' }))).json.errcode).toBe(
      40125,
    );
    expect((await c.call('GET', url({ secret: app.secret, js_code: 'x' }))).json.errcode).toBe(41002);
    expect((await c.call('GET', url({ appid: app.appid, secret: app.secret }))).json.errcode).toBe(41008);
  });

  it('issues access tokens (token and stable_token) and draws mini-program codes that open the page', async () => {
    const app = await c.createApp(await c.orgOwner());
    const token = await c.call(
      'GET',
      `${base}/cgi-bin/token?grant_type=client_credential&appid=${app.appid}&secret=${encodeURIComponent(app.secret)}`,
    );
    expect(token.json).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    const stable = await c.call('POST', `${base}/cgi-bin/stable_token`, {
      body: { grant_type: 'client_credential', appid: app.appid, secret: app.secret },
    });
    expect(stable.json.expires_in).toBe(7200);
    expect(
      (
        await c.call('POST', `${base}/cgi-bin/stable_token`, {
          body: { grant_type: 'password', appid: app.appid, secret: app.secret },
        })
      ).json.errcode,
    ).toBe(40002);

    const accessToken = stable.json.access_token as string;
    const unlimited = await t.app.inject({
      method: 'POST',
      url: `${base}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(accessToken)}`,
      payload: { scene: 'table=7', page: 'pages/shop/shop', width: 300 },
    });
    expect(unlimited.headers['content-type']).toBe('image/png');
    const png = unlimited.rawPayload;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const link = new URL(scanned(png) ?? '');
    expect(link.origin).toBe('https://plaza.example');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      open: app.appid,
      path: 'pages/shop/shop?scene=table%3D7',
    });

    const qr = await t.app.inject({
      method: 'POST',
      url: `${base}/cgi-bin/wxaapp/createwxaqrcode?access_token=${encodeURIComponent(token.json.access_token)}`,
      payload: { path: 'pages/menu/menu?dish=7' },
    });
    expect(qr.headers['content-type']).toBe('image/png');
    expect(new URL(scanned(qr.rawPayload) ?? '').searchParams.get('path')).toBe('pages/menu/menu?dish=7');
  });

  it('refuses a wrong access_token, a bad scene or page with WeChat’s numbers and no image', async () => {
    const app = await c.createApp(await c.orgOwner());
    const token = await c.clientToken(app.appid, app.secret);
    const code = (query: string, body: unknown) =>
      c.call('POST', `${base}/wxa/getwxacodeunlimit${query}`, { body });
    expect((await code('', { scene: 'a' })).json.errcode).toBe(41001);
    expect((await code('?access_token=pzt_forged', { scene: 'a' })).json.errcode).toBe(40001);
    const q = `?access_token=${encodeURIComponent(token)}`;
    expect((await code(q, { scene: 'x'.repeat(33) })).json.errcode).toBe(40097);
    expect((await code(q, { scene: 'a', page: '/pages/a' })).json.errcode).toBe(41030);
    expect((await code(q, { scene: 'a', page: 'javascript://x' })).json.errcode).toBe(41030);
    expect((await code(q, { page: 'pages/a' })).json.errcode).toBe(40097);
    const malformed = await t.app.inject({
      method: 'POST',
      url: `${base}/wxa/getwxacodeunlimit${q}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"scene":',
    });
    expect(malformed.json()).toMatchObject({ errcode: 47001 });
  });
});
