import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startIndustriesKit } from './testing.ts';

// Industries and qualifications over HTTP on the whole platform, on both engines, with a
// clock the tests move to make licences end.
describe.each(testEngines)('industries and qualifications on %s', (engine) => {
  let k: Awaited<ReturnType<typeof startIndustriesKit>>;
  beforeAll(async () => {
    k = await startIndustriesKit(engine);
  }, 60_000);
  afterAll(async () => k?.stop());

  const codeOf = (res: { json: { error?: { code?: string } } }) => res.json.error?.code;

  it('ships the default tree, and lets the operator grow and prune it within its rules', async () => {
    const tree = await k.call('GET', '/api/industry-categories');
    expect(tree.status).toBe(200);
    const ids = tree.json.items.map((c: { id: string }) => c.id);
    for (const id of [
      'food_delivery',
      'local_services',
      'education',
      'automotive',
      'retail',
      'travel',
      'health',
    ])
      expect(ids).toContain(id);
    const course = tree.json.items.find((c: { id: string }) => c.id === 'education.knowledge_payment');
    expect(course).toMatchObject({
      parent_id: 'education',
      commission_bps: 500,
      holding_days: 7,
      requirements: [
        { licence_type: 'internet_culture_licence', grants: ['guaranteed_payment', 'live_mounting'] },
      ],
    });

    const op = { token: k.operator.token };
    const base = {
      id: 'education.language',
      parent_id: 'education',
      name: 'Language schools',
      commission_bps: 450,
    };
    const refused = [
      [
        {
          ...base,
          capabilities: ['poi_services'],
          requirements: [{ licence_type: 'school', name: 'S', grants: ['guaranteed_payment'] }],
        },
        'INDUSTRY_GRANT_NOT_ALLOWED',
      ],
      [{ ...base, parent_id: 'nowhere' }, 'INDUSTRY_PARENT_NOT_FOUND'],
      [{ ...base, id: 'education.knowledge_payment' }, 'INDUSTRY_CATEGORY_EXISTS'],
    ] as const;
    for (const [body, code] of refused) {
      const res = await k.call('POST', '/api/operator/industry-categories', { ...op, body });
      expect([res.status, codeOf(res)], JSON.stringify(body)).toEqual([
        code === 'INDUSTRY_CATEGORY_EXISTS' ? 409 : 400,
        code,
      ]);
    }
    const created = await k.call('POST', '/api/operator/industry-categories', {
      ...op,
      body: { ...base, capabilities: ['guaranteed_payment'] },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    // A fourth level is one too many.
    await k.ok(
      await k.call('POST', '/api/operator/industry-categories', {
        ...op,
        body: {
          id: 'education.language.english',
          parent_id: 'education.language',
          name: 'English',
          commission_bps: 450,
        },
      }),
      201,
      'third level',
    );
    const deep = await k.call('POST', '/api/operator/industry-categories', {
      ...op,
      body: {
        id: 'education.language.english.kids',
        parent_id: 'education.language.english',
        name: 'Kids',
        commission_bps: 450,
      },
    });
    expect(codeOf(deep)).toBe('INDUSTRY_TREE_TOO_DEEP');
    const cycle = await k.call('PATCH', '/api/operator/industry-categories/education', {
      ...op,
      body: { parent_id: 'education.language' },
    });
    expect(codeOf(cycle)).toBe('INDUSTRY_CATEGORY_CYCLE');

    // In use: it has a sub-category; a profile industry; then free to go.
    const withChild = await k.call('DELETE', '/api/operator/industry-categories/education.language', op);
    expect([withChild.status, codeOf(withChild)]).toEqual([409, 'INDUSTRY_CATEGORY_IN_USE']);
    const profile = await k.call('DELETE', '/api/operator/industry-categories/tools', op);
    expect(codeOf(profile)).toBe('INDUSTRY_CATEGORY_IN_USE');
    expect(
      (await k.call('DELETE', '/api/operator/industry-categories/education.language.english', op)).status,
    ).toBe(204);
    expect((await k.call('DELETE', '/api/operator/industry-categories/education.language', op)).status).toBe(
      204,
    );
    const after = await k.call('GET', '/api/industry-categories');
    expect(after.json.items.map((c: { id: string }) => c.id)).not.toContain('education.language');
    expect(after.json.items).toHaveLength(tree.json.items.length);

    // The profile industries' rates are the tree's top nodes: one place, no second list.
    await k.ok(
      await k.call('PATCH', '/api/operator/industry-categories/entertainment', {
        ...op,
        body: { commission_bps: 550 },
      }),
      200,
      'top node rate',
    );
    const profiles = await k.call('GET', '/api/app-categories');
    expect(profiles.json.categories.find((c: { id: string }) => c.id === 'entertainment')).toMatchObject({
      commission_bps: 550,
    });

    // Developers read the tree but may not change it.
    const m = await k.merchant();
    const denied = await k.call('DELETE', '/api/operator/industry-categories/health.pharmacy', {
      token: m.owner.token,
    });
    expect(denied.status).toBe(403);
  });

  it('keeps an app that chose nothing in its profile industry, with every capability it had', async () => {
    const m = await k.merchant('food_delivery');
    expect(await k.standing(m)).toMatchObject({
      from_profile: true,
      capabilities: ['guaranteed_payment', 'live_mounting', 'long_term_subscription', 'poi_services'],
      categories: [{ id: 'food_delivery', primary: true, status: 'active', commission_bps: 250 }],
    });
    const created = await k.ok(await k.order(m, 'P1'), 201, 'order');
    const order = await k.t.payments.orders.get(m.appId, created.order_id);
    expect(order.terms).toEqual({ categoryId: 'food_delivery', commissionBps: 250, holdingMs: null });
  });

  it('holds a category pending until its licence is approved, suspends what the licence gates when it ends, with notices before, and restores on renewal', async () => {
    const m = await k.merchant('education');
    await k.release(m);
    const notLeaf = await k.choose(m, ['education']);
    expect(codeOf(notLeaf)).toBe('INDUSTRY_NOT_A_LEAF');
    const notChosen = await k.choose(m, ['education.knowledge_payment'], 'education.training');
    expect(codeOf(notChosen)).toBe('INDUSTRY_PRIMARY_NOT_CHOSEN');
    expect(codeOf(await k.choose(m, ['education.nothing']))).toBe('INDUSTRY_CATEGORY_NOT_FOUND');
    const chosen = await k.choose(m, ['education.knowledge_payment']);
    expect(chosen.status).toBe(200);
    expect(chosen.json).toMatchObject({
      from_profile: false,
      capabilities: [],
      categories: [
        {
          id: 'education.knowledge_payment',
          status: 'pending',
          missing_licence_types: ['internet_culture_licence'],
        },
      ],
    });

    // Pending: no guaranteed payment, no live mounting.
    const early = await k.order(m, 'C0');
    expect([early.status, codeOf(early)]).toEqual([403, 'INDUSTRY_CAPABILITY_SUSPENDED']);
    expect(early.json.error.details.licence_types).toEqual(['internet_culture_licence']);
    await k.t.content.becomeCreator(m.user.userId, 'Magician');
    const anchor = { appid: m.appid, title: 'Magic course', path: 'pages/index/index' };
    await expect(k.t.live.startRoom(m.user.userId, { title: 'Tricks', anchor })).rejects.toMatchObject({
      code: 'INDUSTRY_CAPABILITY_SUSPENDED',
    });

    // Rejected with a coded reason, then approved when sent again.
    const first = await k.submit(m, 'internet_culture_licence', 60);
    expect(first.status).toBe('pending');
    expect(codeOf(await k.review(first.id, { decision: 'reject' }))).toBe('INDUSTRY_REASON_REQUIRED');
    expect(codeOf(await k.review(first.id, { decision: 'reject', reason_code: 'other' }))).toBe(
      'INDUSTRY_REASON_NOTE_REQUIRED',
    );
    const rejected = await k.review(first.id, { decision: 'reject', reason_code: 'illegible' });
    expect(rejected.json).toMatchObject({ status: 'rejected', reason_code: 'illegible' });
    expect(codeOf(await k.review(first.id, { decision: 'approve' }))).toBe('INDUSTRY_ALREADY_REVIEWED');
    expect((await k.standing(m)).categories[0].status).toBe('pending');
    const licence = await k.licensed(m, 'internet_culture_licence', 60);
    expect(licence.status).toBe('approved');
    expect(await k.standing(m)).toMatchObject({
      capabilities: ['guaranteed_payment', 'live_mounting', 'long_term_subscription'],
      categories: [{ status: 'active', suspended_capabilities: [], missing_licence_types: [] }],
    });
    await k.ok(await k.order(m, 'C1'), 201, 'order once approved');
    const room = await k.t.live.startRoom(m.user.userId, { title: 'Tricks', anchor });
    await k.t.live.pin(m.user.userId, room.room.id, null);

    // 45 days on: within the 30 days' notice. The sweep tells the org once, by webhook and notice.
    await k.travel(45 * k.day);
    expect(await k.t.industries.qualifications.sweep()).toEqual({ expiring: 1, expired: 0 });
    expect(await k.t.industries.qualifications.sweep()).toEqual({ expiring: 0, expired: 0 });
    const notices = await k.call('GET', `/api/orgs/${m.owner.orgId}/industry-notices`, {
      token: m.owner.token,
    });
    expect(notices.json.items).toMatchObject([
      { kind: 'expiring', qualification_id: licence.id, licence_type: 'internet_culture_licence' },
    ]);
    const deliveries = await k.call('GET', `/api/apps/${m.appid}/webhooks/deliveries`, {
      token: m.owner.token,
    });
    const types = deliveries.json.deliveries.map((d: { type: string }) => d.type);
    expect(types).toContain('industry.qualification_expiring');
    expect((await k.standing(m)).categories[0].status).toBe('active');

    // Past its end: suspended, but only what this licence gates; long-term subscriptions stay.
    await k.travel(16 * k.day);
    expect(
      (await k.call('GET', `/api/orgs/${m.owner.orgId}/qualifications`, { token: m.owner.token })).json
        .items[0],
    ).toMatchObject({
      id: licence.id,
      status: 'expired',
    });
    expect(await k.standing(m)).toMatchObject({
      capabilities: ['long_term_subscription'],
      categories: [
        {
          status: 'suspended',
          suspended_capabilities: ['guaranteed_payment', 'live_mounting'],
          missing_licence_types: ['internet_culture_licence'],
        },
      ],
    });
    const lapsed = await k.order(m, 'C2');
    expect([lapsed.status, codeOf(lapsed)]).toEqual([403, 'INDUSTRY_CAPABILITY_SUSPENDED']);
    await expect(k.t.live.pin(m.user.userId, room.room.id, anchor)).rejects.toMatchObject({
      code: 'INDUSTRY_CAPABILITY_SUSPENDED',
    });
    // The background job finds it too, and tells the org it ended.
    await k.t.jobs.workers.runDue();
    const ended = await k.call('GET', `/api/orgs/${m.owner.orgId}/industry-notices`, {
      token: m.owner.token,
    });
    expect(ended.json.items.map((n: { kind: string }) => n.kind)).toEqual(['expired', 'expiring']);
    const after = await k.call('GET', `/api/apps/${m.appid}/webhooks/deliveries`, { token: m.owner.token });
    expect(after.json.deliveries.map((d: { type: string }) => d.type)).toContain(
      'industry.qualification_expired',
    );

    // Renewed: everything comes back.
    await k.licensed(m, 'internet_culture_licence', 365);
    expect((await k.standing(m)).categories[0].status).toBe('active');
    await k.ok(await k.order(m, 'C3'), 201, 'order after renewal');
    await k.t.live.pin(m.user.userId, room.room.id, anchor);
  });

  it('stops long-term subscription templates while the licence that gates them waits', async () => {
    const op = { token: k.operator.token };
    await k.ok(
      await k.call('PUT', '/api/operator/message-long-term-categories', {
        ...op,
        body: { categories: ['education'] },
      }),
      200,
      'long-term categories',
    );
    const library = await k.ok(
      await k.call('POST', '/api/operator/message-templates', {
        ...op,
        body: {
          category: 'education',
          title: 'Class reminder',
          kind: 'long_term',
          keywords: [{ name: 'Course', type: 'thing' }],
        },
      }),
      201,
      'library',
    );
    const m = await k.merchant('education');
    await k.ok(await k.choose(m, ['education.training']), 200, 'choose');
    const select = () =>
      k.call('POST', `/api/apps/${m.appid}/message-templates`, {
        token: m.owner.token,
        body: { library_id: library.id, kid_list: [1] },
      });
    const refused = await select();
    expect([refused.status, codeOf(refused)]).toEqual([403, 'INDUSTRY_CAPABILITY_SUSPENDED']);
    await k.licensed(m, 'private_school_permit', 30);
    const selected = await select();
    expect(selected.status, JSON.stringify(selected.json)).toBe(201);
    const templateId = selected.json.template_id;
    await k.ok(
      await k.call('POST', `/api/runtime/apps/${m.appid}/subscriptions`, {
        token: m.user.token,
        body: { template_ids: [templateId], accepted: [templateId] },
      }),
      200,
      'subscribe',
    );
    const send = () =>
      k.call('POST', '/api/messages/subscribe/send', {
        token: m.token,
        body: { openid: m.openid, template_id: templateId, data: { thing1: 'Algebra' } },
      });
    expect((await send()).status).toBe(200);
    await k.travel(31 * k.day);
    const stopped = await send();
    expect([stopped.status, codeOf(stopped)]).toEqual([403, 'INDUSTRY_CAPABILITY_SUSPENDED']);
  });

  it('records commission and holding period on the order: a later change of the category settles old orders at the old rate', async () => {
    const m = await k.merchant('travel');
    await k.ok(await k.choose(m, ['travel.agency', 'local_services.beauty'], 'travel.agency'), 200, 'choose');
    await k.licensed(m, 'travel_agency_permit', 365);
    const before = await k.paidOrder(m, 'T1');
    expect((await k.t.payments.orders.get(m.appId, before)).terms).toEqual({
      categoryId: 'travel.agency',
      commissionBps: 400,
      holdingMs: 14 * k.day,
    });

    await k.ok(
      await k.call('PATCH', '/api/operator/industry-categories/travel.agency', {
        token: k.operator.token,
        body: { commission_bps: 900, holding_days: 2 },
      }),
      200,
      'change the rate',
    );
    const later = await k.paidOrder(m, 'T2');
    const old = await k.settle(m, before);
    const fresh = await k.settle(m, later);
    expect([old.commission_bps, old.commission_amount]).toEqual([400, 400]);
    expect([fresh.commission_bps, fresh.commission_amount]).toEqual([900, 900]);

    // The holding period the order recorded decides when the platform settles it itself.
    const held = await k.paidOrder(m, 'T3');
    await k.travel(2 * k.day + 1000);
    await k.t.jobs.workers.runDue();
    expect((await k.t.payments.orders.get(m.appId, held)).status).toBe('settled');
    const kept = await k.paidOrder(m, 'T4');
    await k.ok(
      await k.call('PATCH', '/api/operator/industry-categories/travel.agency', {
        token: k.operator.token,
        body: { holding_days: 30 },
      }),
      200,
      'longer hold',
    );
    await k.travel(2 * k.day + 1000);
    await k.t.jobs.workers.runDue();
    expect((await k.t.payments.orders.get(m.appId, kept)).status).toBe('settled');
  });

  it("mounts a store's services on its POI only while the licence that gates POI services stands", async () => {
    const m = await k.merchant('food_delivery');
    await k.release(m);
    await k.ok(await k.choose(m, ['food_delivery.restaurant']), 200, 'choose');
    const sync = () =>
      k.call('POST', '/api/poi/supplier/sync', {
        token: m.token,
        body: {
          supplier_ext_id: 'S1',
          name: 'Noodle shop',
          address: '1 Main St',
          latitude: 31.2,
          longitude: 121.4,
          services: [{ title: 'Order', path: 'pages/index/index' }],
        },
      });
    const refused = await sync();
    expect([refused.status, codeOf(refused)]).toEqual([403, 'INDUSTRY_CAPABILITY_SUSPENDED']);
    await k.licensed(m, 'food_business_licence', 90);
    const synced = await sync();
    expect(synced.status, JSON.stringify(synced.json)).toBe(200);
  });

  it("keeps an org's licences to its members and operators, and refuses bad scans", async () => {
    const a = await k.merchant();
    const b = await k.merchant();
    const q = await k.submit(a, 'internet_culture_licence', 10);
    const orgA = `/api/orgs/${a.owner.orgId}`;
    for (const path of ['/qualifications', `/qualifications/${q.id}/scan`, '/industry-notices']) {
      const stranger = await k.call('GET', `${orgA}${path}`, { token: b.owner.token });
      expect([stranger.status, codeOf(stranger)], path).toEqual([404, 'IDENTITY_ORG_NOT_FOUND']);
    }
    // B's own org path cannot reach A's qualification either.
    const sideways = await k.call('GET', `/api/orgs/${b.owner.orgId}/qualifications/${q.id}/scan`, {
      token: b.owner.token,
    });
    expect(codeOf(sideways)).toBe('INDUSTRY_QUALIFICATION_NOT_FOUND');
    const scanOfA = await k.ok(await k.uploadScan(a), 201, 'scan');
    const borrowed = await k.call('POST', `/api/orgs/${b.owner.orgId}/qualifications`, {
      token: b.owner.token,
      body: {
        licence_type: 'x_licence',
        number: '1',
        holder: 'B',
        valid_from: 0,
        valid_until: 1,
        scan_id: scanOfA.scan_id,
      },
    });
    expect(codeOf(borrowed)).toBe('INDUSTRY_SCAN_NOT_FOUND');
    const backwards = await k.call('POST', `${orgA}/qualifications`, {
      token: a.owner.token,
      body: {
        licence_type: 'x_licence',
        number: '1',
        holder: 'A',
        valid_from: 5,
        valid_until: 5,
        scan_id: scanOfA.scan_id,
      },
    });
    expect([backwards.status, codeOf(backwards)]).toEqual([400, 'INDUSTRY_VALIDITY_INVALID']);

    const scan = await k.t.app.inject({
      method: 'GET',
      url: `${orgA}/qualifications/${q.id}/scan`,
      headers: { authorization: `Bearer ${a.owner.token}` },
    });
    expect([scan.statusCode, scan.headers['content-type'], scan.headers['cache-control']]).toEqual([
      200,
      'image/png',
      'private, max-age=31536000, immutable',
    ]);
    const forOperator = await k.t.app.inject({
      method: 'GET',
      url: `/api/operator/qualifications/${q.id}/scan`,
      headers: { authorization: `Bearer ${k.operator.token}` },
    });
    expect(forOperator.statusCode).toBe(200);
    const queue = await k.call('GET', '/api/operator/qualifications', { token: k.operator.token });
    expect(queue.json.items.map((i: { id: string }) => i.id)).toContain(q.id);

    const script = await k.uploadScan(a, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect([script.status, script.json.error.code]).toEqual([415, 'INDUSTRY_SCAN_TYPE_REFUSED']);
    const pdf = await k.uploadScan(a, Buffer.from('%PDF-1.7\n%%EOF'), 'application/pdf');
    expect([pdf.status, pdf.json.content_type]).toEqual([201, 'application/pdf']);
  });
});
