import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { buildPackage, goodProgram, versionsClient } from '../versions/testing.ts';

// The search rules as a client meets them: over HTTP, on the whole platform, on both engines.
describe.each(testEngines)('search over HTTP on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof versionsClient>;
  let operator: string;
  let owner: Awaited<ReturnType<ReturnType<typeof versionsClient>['orgOwner']>>;
  let appid: string;

  const search = async (q: string, extra: Record<string, unknown> = {}, token?: string) => {
    const res = await c.call('POST', '/api/searches', { body: { q, ...extra }, ...(token ? { token } : {}) });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json as {
      search_id: string;
      items: { id: string; kind: string; title: string; target: Record<string, unknown> }[];
    };
  };

  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    c = versionsClient(t);
    operator = (await c.operator()).token;
    owner = await c.orgOwner();
    appid = (
      await c.createApp(owner, {
        name: '蜜雪冰城',
        description: '冰淇淋与茶，柠檬水四元一杯',
        request_domains: ['https://api.example.com'],
      })
    ).appid;
    const v = await c.uploadAndCheck(appid, owner.token, buildPackage(goodProgram()), '1.0.0');
    await c.approveAndRelease(appid, owner.token, operator, v.id);
  });
  afterAll(async () => t?.stop());

  it('finds a released app by initials, pinyin and name; its declared service opens its entry page', async () => {
    for (const q of ['mxbc', 'mixue', '蜜雪冰城', '柠檬水']) {
      expect(
        (await search(q)).items.map((i) => i.id),
        q,
      ).toContain(`app:${appid}`);
    }
    const put = await c.call('PUT', `/api/apps/${appid}/search-entries`, {
      token: owner.token,
      body: {
        keywords: ['奶茶'],
        services: [{ title: '到店自取', path: '/pages/index/index', params: { mode: 'pickup' } }],
      },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const found = await search('自取', { tab: 'services' });
    expect(found.items[0]).toMatchObject({
      id: `service:${appid}.0`,
      kind: 'service',
      title: '到店自取',
      target: { app: appid, path: 'pages/index/index', params: { mode: 'pickup' } },
    });
    expect((await search('奶茶')).items.map((i) => i.id)).toContain(`app:${appid}`);
  });

  it('refuses bad entries and other orgs with coded errors, changing nothing', async () => {
    const before = (await c.call('GET', `/api/apps/${appid}/search-entries`, { token: owner.token })).json;
    const bad = await c.call('PUT', `/api/apps/${appid}/search-entries`, {
      token: owner.token,
      body: { keywords: [], services: [{ title: 'x', path: '../../etc' }] },
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'SEARCH_ENTRY_PATH_INVALID']);
    const stranger = await c.orgOwner();
    const foreign = await c.call('PUT', `/api/apps/${appid}/search-entries`, {
      token: stranger.token,
      body: { keywords: ['spam'], services: [] },
    });
    expect(foreign.status).toBeGreaterThanOrEqual(403);
    expect(foreign.status).toBeLessThan(500);
    expect((await c.call('GET', `/api/apps/${appid}/search-entries`, { token: owner.token })).json).toEqual(
      before,
    );
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const res = await c.call('POST', '/api/searches', { body: { q } });
      expect(res.status, q).toBe(400);
    }
    expect((await c.call('POST', '/api/searches', { body: { q: 'a', tab: 'nope' } })).status).toBe(400);
  });

  it('drops a suspended app from results at once, and shows it again when reinstated', async () => {
    expect((await search('mxbc')).items.map((i) => i.id)).toContain(`app:${appid}`);
    const down = await c.call('POST', `/api/apps/${appid}/takedown`, {
      token: operator,
      body: { reason: 'fraud reports' },
    });
    expect(down.status, JSON.stringify(down.json)).toBe(200);
    const after = (await search('mxbc')).items.map((i) => i.id);
    expect(after).not.toContain(`app:${appid}`);
    expect(after).not.toContain(`service:${appid}.0`);
    await c.call('POST', `/api/apps/${appid}/reinstate`, { token: operator, body: {} });
    expect((await search('mxbc')).items.map((i) => i.id)).toContain(`app:${appid}`);
  });

  it('indexes a store the operator creates, found by a character and by pinyin', async () => {
    const poi = await c.call('POST', '/api/pois', {
      token: operator,
      body: { name: '兰州牛肉拉面(漕溪路店)', address: '上海市徐汇区漕溪北路88号', lat: 31.19, lng: 121.437 },
    });
    expect(poi.status, JSON.stringify(poi.json)).toBe(201);
    for (const q of ['面', 'mian', 'lamian', '徐汇']) {
      const found = await search(q, { tab: 'places' });
      expect(found.items[0], q).toMatchObject({ kind: 'poi', target: { poi: poi.json.poi_id } });
    }
  });

  it('counts search → tap → open → order once each, and keeps recent and popular searches', async () => {
    const user = await c.endUser();
    const page = await search('蜜雪冰城', {}, user.token);
    const result = page.items.find((i) => i.kind === 'app');
    expect(result).toBeDefined();
    for (const step of ['tap', 'open', 'order', 'tap']) {
      const res = await c.call('POST', '/api/search/steps', {
        token: user.token,
        body: { search_id: page.search_id, step, result_id: result?.id },
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const unknown = await c.call('POST', '/api/search/steps', {
      token: user.token,
      body: { search_id: 'srch_nope', step: 'tap', result_id: null },
    });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'SEARCH_SEARCH_NOT_FOUND']);
    const today = new Date().toISOString().slice(0, 10);
    const funnel = await c.call('GET', `/api/operator/search/funnel?from=${today}&to=${today}`, {
      token: operator,
    });
    expect(funnel.status).toBe(200);
    expect(funnel.json.tap).toBe(1);
    expect(funnel.json.open).toBe(1);
    expect(funnel.json.order).toBe(1);
    expect(funnel.json.search).toBeGreaterThanOrEqual(1);
    const history = await c.call('GET', '/api/search/history', { token: user.token });
    expect(history.json.recent[0]).toBe('蜜雪冰城');
    expect(history.json.popular).toContain('蜜雪冰城');
    const suggest = await c.call('GET', `/api/search/suggest?q=${encodeURIComponent('蜜雪')}`);
    expect(suggest.json.items[0]).toEqual({ text: '蜜雪冰城', kind: 'app' });
    // The user's searches are part of their export, and their erasure unlinks them.
    const exported = await c.call('GET', '/api/me/export', { token: user.token });
    expect(exported.json.sections.search.searches.map((s: { query: string }) => s.query)).toContain(
      '蜜雪冰城',
    );
    await t.dataRights.eraseAccount(user.userId);
    expect((await t.search.recent(user.userId, 10)).length).toBe(0);
    expect(await t.search.popular(10)).toContain('蜜雪冰城');
  });

  it('lets the operator extend the dictionary; other callers may not', async () => {
    const dev = await c.call('POST', '/api/operator/search/dictionary', {
      token: owner.token,
      body: { words: ['鹿角巷'] },
    });
    expect(dev.status).toBe(403);
    const added = await c.call('POST', '/api/operator/search/dictionary', {
      token: operator,
      body: { words: ['鹿角巷', '鹿角巷'] },
    });
    expect(added.json).toEqual({ added: ['鹿角巷'], reindexed: 0 });
    const list = await c.call('GET', '/api/operator/search/dictionary', { token: operator });
    expect(list.json.items.map((w: { word: string }) => w.word)).toEqual(['鹿角巷']);
  });
});
