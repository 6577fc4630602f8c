import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { buildPackage, goodProgram, versionsClient } from '../versions/testing.ts';

// POI pages, claims and the supplier sync, over HTTP on the whole platform, on both engines.
describe.each(testEngines)('places on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof versionsClient>;
  let operator: string;
  let owner: Awaited<ReturnType<ReturnType<typeof versionsClient>['orgOwner']>>;
  let app: { appid: string; secret: string };
  let poiId: string;

  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    c = versionsClient(t);
    operator = (await c.operator()).token;
    owner = await c.orgOwner();
    app = await c.createApp(owner, { name: '兰州拉面', request_domains: ['https://api.example.com'] });
    const v = await c.uploadAndCheck(app.appid, owner.token, buildPackage(goodProgram()), '1.0.0');
    await c.approveAndRelease(app.appid, owner.token, operator, v.id);
    const poi = await c.call('POST', '/api/pois', {
      token: operator,
      body: {
        name: '兰州拉面(漕溪路店)',
        address: '上海市徐汇区漕溪北路88号',
        lat: 31.19,
        lng: 121.437,
        anchors: [{ appid: app.appid, title: '点外卖', path: 'pages/index/index?from=poi' }],
      },
    });
    expect(poi.status, JSON.stringify(poi.json)).toBe(201);
    poiId = poi.json.poi_id;
  });
  afterAll(async () => t?.stop());

  it('shows a place with its services as {app, path, params}', async () => {
    const page = await c.call('GET', `/api/places/${poiId}`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({
      name: '兰州拉面(漕溪路店)',
      address: '上海市徐汇区漕溪北路88号',
      hours: [],
      avg_price: null,
      claimed: false,
      services: [
        {
          app: app.appid,
          app_name: '兰州拉面',
          title: '点外卖',
          path: 'pages/index/index',
          params: { from: 'poi' },
        },
      ],
    });
    expect((await c.call('GET', '/api/places/poi_nope')).json.error.code).toBe('PLACE_NOT_FOUND');
  });

  it('lets the operator edit hours, price and photos; refuses bad hours and strangers, changing nothing', async () => {
    const edit = await c.call('PATCH', `/api/places/${poiId}`, {
      token: operator,
      body: {
        city: '上海',
        hours: [
          { days: [1, 2, 3, 4, 5], open: '10:00', close: '22:00' },
          { days: [6, 7], open: '09:00', close: '25:00' },
        ],
        avg_price: 3500,
        photos: ['https://img.example.com/front.jpg'],
      },
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect(edit.json).toMatchObject({
      city: '上海',
      avg_price: 3500,
      photos: ['https://img.example.com/front.jpg'],
    });
    const bad = await c.call('PATCH', `/api/places/${poiId}`, {
      token: operator,
      body: { hours: [{ days: [8], open: '10:00', close: '09:00' }] },
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'PLACE_HOURS_INVALID']);
    const stranger = await c.call('PATCH', `/api/places/${poiId}`, {
      token: owner.token,
      body: { avg_price: 1 },
    });
    expect([stranger.status, stranger.json.error.code]).toEqual([403, 'PLACE_NOT_YOURS']);
    expect((await c.call('GET', `/api/places/${poiId}`)).json).toMatchObject({
      avg_price: 3500,
      city: '上海',
    });
  });

  it('hands a place to an org once an operator approves its claim', async () => {
    const claim = await c.call('POST', `/api/places/${poiId}/claims`, {
      token: owner.token,
      body: { org_id: owner.orgId, evidence: '营业执照 No. 310104' },
    });
    expect(claim.status, JSON.stringify(claim.json)).toBe(201);
    const again = await c.call('POST', `/api/places/${poiId}/claims`, {
      token: owner.token,
      body: { org_id: owner.orgId, evidence: 'again' },
    });
    expect([again.status, again.json.error.code]).toEqual([409, 'PLACE_CLAIM_PENDING']);
    const rival = await c.orgOwner();
    const otherOrg = await c.call('POST', `/api/places/${poiId}/claims`, {
      token: owner.token,
      body: { org_id: rival.orgId, evidence: 'not my org' },
    });
    expect(otherOrg.status).toBeGreaterThanOrEqual(403);
    expect(otherOrg.status).toBeLessThan(500);
    const pending = await c.call('GET', '/api/operator/place-claims', { token: operator });
    expect(pending.json.items.map((i: { id: string }) => i.id)).toContain(claim.json.id);
    const approved = await c.call('POST', `/api/operator/place-claims/${claim.json.id}/review`, {
      token: operator,
      body: { approve: true },
    });
    expect(approved.json.status).toBe('approved');
    const twice = await c.call('POST', `/api/operator/place-claims/${claim.json.id}/review`, {
      token: operator,
      body: { approve: false, reason: 'late' },
    });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'PLACE_CLAIM_REVIEWED']);
    const mine = await c.call('PATCH', `/api/places/${poiId}`, {
      token: owner.token,
      body: { avg_price: 3200 },
    });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ claimed: true, avg_price: 3200 });
  });

  it("syncs a supplier's store by its own id: created once, then updated in place, and searchable", async () => {
    const token = await c.clientToken(app.appid, app.secret);
    const store = {
      supplier_ext_id: 'store-0042',
      name: '兰州拉面(陆家嘴店)',
      address: '上海市浦东新区陆家嘴环路1000号',
      latitude: 31.24,
      longitude: 121.5,
      city: '上海',
      type: '面馆',
      open_time: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '21:00' }],
      avg_cost: 2800,
      services: [{ title: '到店自取', path: 'pages/index/index', params: { mode: 'pickup' } }],
    };
    const first = await c.call('POST', '/api/poi/supplier/sync', { token, body: store });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.created).toBe(true);
    const second = await c.call('POST', '/api/poi/supplier/sync', {
      token,
      body: { ...store, name: '兰州拉面(陆家嘴旗舰店)' },
    });
    expect(second.json).toEqual({ poi_id: first.json.poi_id, supplier_ext_id: 'store-0042', created: false });
    const page = await c.call('GET', `/api/places/${first.json.poi_id}`);
    expect(page.json).toMatchObject({
      name: '兰州拉面(陆家嘴旗舰店)',
      city: '上海',
      category: '面馆',
      avg_price: 2800,
      claimed: true,
      services: [
        { app: app.appid, title: '到店自取', path: 'pages/index/index', params: { mode: 'pickup' } },
      ],
    });
    expect(page.json.services).toHaveLength(1);
    const found = await c.call('POST', '/api/searches', { body: { q: '旗舰店', tab: 'places' } });
    expect(found.json.items[0]).toMatchObject({ target: { poi: first.json.poi_id } });
    const bad = await c.call('POST', '/api/poi/supplier/sync', {
      token,
      body: {
        ...store,
        supplier_ext_id: 'store-bad',
        services: [{ title: 'x', path: '../../x', params: {} }],
      },
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'PLACE_SERVICE_PATH_INVALID']);
    const developer = await c.call('POST', '/api/poi/supplier/sync', { token: owner.token, body: store });
    expect(developer.status).toBe(403);
  });
});
