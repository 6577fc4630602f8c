import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { keywordValueProblem } from './keyword-types.ts';
import { orderData, orderTemplate, startMessagesKit } from './testing.ts';

describe('keyword types', () => {
  it('admits values within the platforms limits and refuses the rest', () => {
    const fits: [Parameters<typeof keywordValueProblem>[0], string][] = [
      ['thing', 'Beef noodles with extra chili'.slice(0, 20)],
      ['thing', '牛肉面加辣'],
      ['number', '42'],
      ['number', '3.5'],
      ['letter', 'ABC'],
      ['symbol', '!?'],
      ['character_string', 'A-1001_x'],
      ['time', '15:01'],
      ['time', '2026-12-07 15:01'],
      ['date', '2026-12-07'],
      ['date', '2026年12月7日'],
      ['amount', '¥32.00'],
      ['amount', '100元'],
      ['phone_number', '+86 138-0013-8000'],
      ['car_number', '粤A12345'],
      ['name', '张三'],
      ['name', 'Li Lei'],
      ['phrase', '已送达'],
      ['phrase', 'Done'],
    ];
    for (const [type, value] of fits) expect(keywordValueProblem(type, value), `${type} ${value}`).toBeNull();
    const misfits: [Parameters<typeof keywordValueProblem>[0], string][] = [
      ['thing', 'x'.repeat(21)],
      ['thing', ''],
      ['thing', 'line\nbreak'],
      ['number', '12a'],
      ['letter', 'AB1'],
      ['symbol', 'abc'],
      ['character_string', 'has space'],
      ['character_string', 'x'.repeat(33)],
      ['time', '25:00'],
      ['date', 'tomorrow'],
      ['amount', '32 dollars'],
      ['amount', '¥12345678901'],
      ['phone_number', 'call me'],
      ['car_number', '粤A1234567'],
      ['name', '张三张三张三张三张三张'],
      ['name', 'R2-D2'],
      ['phrase', '已经送达了的'],
      ['phrase', 'OK1'],
    ];
    for (const [type, value] of misfits)
      expect(keywordValueProblem(type, value), `${type} ${value}`).not.toBeNull();
  });
});

describe.each(testEngines)('subscription messages on %s', (engine) => {
  let k: Awaited<ReturnType<typeof startMessagesKit>>;

  beforeAll(async () => {
    k = await startMessagesKit(engine, {
      PLAZA_MESSAGE_USER_DAILY_LIMIT: '3',
      PLAZA_MESSAGE_APP_DAILY_LIMIT: '5',
    });
  });
  afterAll(async () => {
    await k?.stop();
  });

  /** A merchant with the order template selected, and a customer with `credits` accepted sends. */
  async function setup(credits = 1) {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, library.id);
    const u = await k.customer(m.appid);
    if (credits > 0) await k.accept(u.token, m.appid, templateId, credits);
    const body = {
      openid: u.openid,
      template_id: templateId,
      data: orderData,
      page: 'pages/order/order?id=1',
    };
    return { library, m, templateId, u, body };
  }

  it('keeps a library per industry category, managed by the operator only', async () => {
    const owner = await k.c.orgOwner();
    const refused = await k.call('POST', '/api/operator/message-templates', {
      token: owner.token,
      body: orderTemplate,
    });
    expect(refused.status).toBe(403);

    const created = await k.libraryTemplate();
    expect(created).toMatchObject({
      category: 'food_delivery',
      title: 'Order status',
      kind: 'one_time',
      status: 'active',
      keywords: [
        { kid: 1, name: 'Dish', type: 'thing' },
        { kid: 2, name: 'Amount', type: 'amount' },
        { kid: 3, name: 'Status', type: 'phrase' },
        { kid: 4, name: 'Order number', type: 'character_string' },
        { kid: 5, name: 'Time', type: 'time' },
      ],
    });
    const listed = await k.call('GET', '/api/message-templates?category=food_delivery', {
      token: owner.token,
    });
    expect(listed.json.items.map((i: { id: string }) => i.id)).toContain(created.id);

    const bad: [Record<string, unknown>, number, string][] = [
      [{ ...orderTemplate, category: 'space_travel' }, 400, 'MESSAGES_UNKNOWN_CATEGORY'],
      [{ ...orderTemplate, keywords: [{ name: 'X', type: 'emoji' }] }, 400, 'HTTP_VALIDATION'],
      [{ ...orderTemplate, keywords: [] }, 400, 'HTTP_VALIDATION'],
      [{ ...orderTemplate, title: '' }, 400, 'HTTP_VALIDATION'],
      [{ ...orderTemplate, kind: 'long_term' }, 403, 'MESSAGES_LONG_TERM_NOT_ALLOWED'],
    ];
    for (const [body, status, code] of bad) {
      const res = await k.call('POST', '/api/operator/message-templates', { token: k.operator.token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error.code).toBe(code);
    }
  });

  it('lets an app select a template of its category and the keywords it uses', async () => {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const res = await k.call('POST', `/api/apps/${m.appid}/message-templates`, {
      token: m.owner.token,
      body: { library_id: library.id, kid_list: [1, 3] },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      appid: m.appid,
      title: 'Order status',
      kind: 'one_time',
      keywords: [
        { key: 'thing1', name: 'Dish', type: 'thing' },
        { key: 'phrase3', name: 'Status', type: 'phrase' },
      ],
    });
    expect(res.json.template_id).toMatch(/^tmpl_/);

    const education = await k.merchant('education');
    const cases: [string, Record<string, unknown>, number, string][] = [
      [m.appid, { library_id: library.id, kid_list: [9] }, 400, 'MESSAGES_KEYWORDS_INVALID'],
      [m.appid, { library_id: library.id, kid_list: [1, 1] }, 400, 'MESSAGES_KEYWORDS_INVALID'],
      [m.appid, { library_id: library.id, kid_list: [] }, 400, 'HTTP_VALIDATION'],
      [m.appid, { library_id: 'mlt_nope', kid_list: [1] }, 404, 'MESSAGES_LIBRARY_TEMPLATE_NOT_FOUND'],
      [education.appid, { library_id: library.id, kid_list: [1] }, 403, 'MESSAGES_CATEGORY_MISMATCH'],
    ];
    for (const [appid, body, status, code] of cases) {
      const owner = appid === m.appid ? m.owner : education.owner;
      const r = await k.call('POST', `/api/apps/${appid}/message-templates`, { token: owner.token, body });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.json.error.code).toBe(code);
    }
    // Another org's developer may not select for this app.
    const stranger = await k.c.orgOwner();
    const foreign = await k.call('POST', `/api/apps/${m.appid}/message-templates`, {
      token: stranger.token,
      body: { library_id: library.id, kid_list: [1] },
    });
    expect(foreign.status).toBeGreaterThanOrEqual(403);
  });

  it('offers long-term templates only to the categories the operator allows', async () => {
    const allowed = await k.call('PUT', '/api/operator/message-long-term-categories', {
      token: k.operator.token,
      body: { categories: ['education'] },
    });
    expect(allowed.json).toEqual({ categories: ['education'] });
    const course = await k.libraryTemplate({
      category: 'education',
      title: 'Class reminder',
      kind: 'long_term',
      keywords: [
        { name: 'Course', type: 'thing' },
        { name: 'Starts', type: 'time' },
      ],
    });
    const school = await k.merchant('education');
    const templateId = await k.selectTemplate(school, course.id, [1, 2]);
    const u = await k.customer(school.appid);
    const body = { openid: u.openid, template_id: templateId, data: { thing1: 'Algebra', time2: '09:00' } };

    expect((await k.send(school.token, body)).json.error.code).toBe('MESSAGES_CONSENT_REQUIRED');
    const answered = await k.answer(u.token, school.appid, [templateId], [templateId]);
    expect(answered.json.results).toEqual({ [templateId]: 'accept' });
    // A long-term consent stands: several sends (a second apart) without asking again.
    for (let i = 0; i < 3; i++) {
      const sent = await k.send(school.token, body);
      expect(sent.status, JSON.stringify(sent.json)).toBe(200);
      k.clock.advance(1000);
    }
    // Revoked by the user: the next send is refused.
    const revoked = await k.call('DELETE', `/api/me/messages/subscriptions/${school.appid}`, {
      token: u.token,
    });
    expect(revoked.json).toEqual({ revoked: 1 });
    expect((await k.send(school.token, body)).json.error.code).toBe('MESSAGES_CONSENT_REQUIRED');

    // A category the operator withdraws may no longer select long-term templates, and
    // its existing ones show as banned in the sheet.
    await k.call('PUT', '/api/operator/message-long-term-categories', {
      token: k.operator.token,
      body: { categories: [] },
    });
    const again = await k.call('POST', `/api/apps/${school.appid}/message-templates`, {
      token: school.owner.token,
      body: { library_id: course.id, kid_list: [1] },
    });
    expect(again.json.error.code).toBe('MESSAGES_LONG_TERM_NOT_ALLOWED');
    const sheet = await k.answer(u.token, school.appid, [templateId], [templateId]);
    expect(sheet.json.results).toEqual({ [templateId]: 'ban' });
  });

  it('sends only with consent, spends one credit per send, and delivers through the outbox', async () => {
    const { m, templateId, u, body } = await setup(0);
    const none = await k.send(m.token, body);
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('MESSAGES_CONSENT_REQUIRED');

    await k.accept(u.token, m.appid, templateId);
    expect(await k.credits(u.token, templateId)).toBe(1);
    const sent = await k.send(m.token, body);
    expect(sent.status, JSON.stringify(sent.json)).toBe(200);
    expect(sent.json).toMatchObject({
      appid: m.appid,
      template_id: templateId,
      title: 'Order status',
      status: 'sent',
      page: 'pages/order/order?id=1',
      fields: [
        { key: 'thing1', name: 'Dish', value: 'Beef noodles' },
        { key: 'amount2', name: 'Amount', value: '¥32.00' },
        { key: 'phrase3', name: 'Status', value: '已送达' },
        { key: 'character_string4', name: 'Order number', value: 'A-1001' },
        { key: 'time5', name: 'Time', value: '2026-12-07 12:30' },
      ],
    });
    expect(await k.credits(u.token, templateId)).toBe(0);
    k.clock.advance(1000);
    expect((await k.send(m.token, body)).json.error.code).toBe('MESSAGES_CONSENT_REQUIRED');

    // Not in the inbox until the outbox delivers it.
    expect((await k.call('GET', '/api/me/messages/threads', { token: u.token })).json.items).toEqual([]);
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    const threads = await k.call('GET', '/api/me/messages/threads', { token: u.token });
    expect(threads.json.items).toMatchObject([
      {
        app: { appid: m.appid },
        unread: 1,
        total: 1,
        muted: false,
        last: { message_id: sent.json.message_id },
      },
    ]);
    const delivered = k.receiver.events.find(
      (e) => e.type === 'message.delivered' && e.data.message_id === sent.json.message_id,
    );
    expect(delivered?.data).toMatchObject({ template_id: templateId, openid: u.openid });

    // Reading the thread marks it read; tapping counts one open and tells the merchant.
    const thread = await k.call('GET', `/api/me/messages/threads/${m.appid}`, { token: u.token });
    expect(thread.json.items).toHaveLength(1);
    const unread = async () =>
      (await k.call('GET', '/api/me/messages/threads', { token: u.token })).json.items[0].unread;
    expect(await unread()).toBe(1);
    const read = await k.call('POST', `/api/me/messages/threads/${m.appid}/read`, { token: u.token });
    expect(read.status).toBe(204);
    expect(await unread()).toBe(0);
    const opened = await k.call('POST', `/api/me/messages/${sent.json.message_id}/open`, { token: u.token });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ page: 'pages/order/order?id=1', appid: m.appid });
    expect(opened.json.opened_at).toBe(k.clock.now());
    await k.call('POST', `/api/me/messages/${sent.json.message_id}/open`, { token: u.token });
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    const opens = k.receiver.events.filter(
      (e) => e.type === 'message.opened' && e.data.message_id === sent.json.message_id,
    );
    expect(opens).toHaveLength(1);
    const status = await k.call('GET', `/api/messages/${sent.json.message_id}`, { token: m.token });
    expect(status.json).toMatchObject({ status: 'delivered', opened_at: k.clock.now() });

    // Another user may not open it; another app may not read it.
    const other = await k.customer(m.appid);
    expect(
      (await k.call('POST', `/api/me/messages/${sent.json.message_id}/open`, { token: other.token })).status,
    ).toBe(404);
    const rival = await k.merchant();
    expect(
      (await k.call('GET', `/api/messages/${sent.json.message_id}`, { token: rival.token })).status,
    ).toBe(404);
  });

  it('refuses data that does not fit the template with a coded 400, sending nothing and keeping the credit', async () => {
    const { m, templateId, u, body } = await setup(1);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ data: { ...orderData, thing1: 'x'.repeat(21) } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, amount2: 'thirty' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, phrase3: 'Done!' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, character_string4: 'A 1' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, time5: 'noon' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, thing1: '' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, extra9: 'x' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { thing1: 'Beef noodles' } }, 400, 'MESSAGES_DATA_INVALID'],
      [{ data: { ...orderData, thing1: 5 } }, 400, 'HTTP_VALIDATION'],
      [{ data: 'hello' }, 400, 'HTTP_VALIDATION'],
      [{ page: 'https://evil.example/x' }, 400, 'MESSAGES_PAGE_INVALID'],
      [{ page: 'pages/../../etc' }, 400, 'MESSAGES_PAGE_INVALID'],
      [{ page: 'javascript:alert(1)' }, 400, 'MESSAGES_PAGE_INVALID'],
      [{ template_id: 'tmpl_unknown' }, 404, 'MESSAGES_TEMPLATE_NOT_FOUND'],
      [{ openid: 'not-an-openid' }, 404, 'LOGIN_UNKNOWN_OPENID'],
      [{ openid: undefined }, 400, 'HTTP_VALIDATION'],
      [{ surprise: true }, 400, 'HTTP_VALIDATION'],
    ];
    for (const [change, status, code] of cases) {
      const res = await k.send(m.token, { ...body, ...change });
      expect(res.status, JSON.stringify(change)).toBe(status);
      expect(res.json.error.code, JSON.stringify(change)).toBe(code);
      if (code === 'MESSAGES_DATA_INVALID') expect(res.json.error.details.key).toBeTypeOf('string');
    }
    // Another app's template is not this app's to send.
    const rival = await k.merchant();
    expect((await k.send(rival.token, body)).json.error.code).toBe('MESSAGES_TEMPLATE_NOT_FOUND');
    // A user's token is not an app's.
    expect((await k.send(u.token, body)).status).toBe(403);

    expect(await k.credits(u.token, templateId)).toBe(1);
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    expect((await k.call('GET', '/api/me/messages/threads', { token: u.token })).json.items).toEqual([]);
    expect((await k.send(m.token, body)).status).toBe(200);
  });

  it('spends one credit once under 20 concurrent sends', async () => {
    const { m, templateId, u, body } = await setup(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => k.send(m.token, body)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.json.error.code).toBe('MESSAGES_CONSENT_REQUIRED');
    }
    expect(await k.credits(u.token, templateId)).toBe(0);
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    const threads = await k.call('GET', '/api/me/messages/threads', { token: u.token });
    expect(threads.json.items[0].total).toBe(1);
  });

  it('sends at most once a second to one user, and keeps the credit of a refused send', async () => {
    const { m, templateId, u, body } = await setup(2);
    expect((await k.send(m.token, body)).status).toBe(200);
    k.clock.advance(999);
    const early = await k.send(m.token, body);
    expect(early.status).toBe(429);
    expect(early.json.error.code).toBe('MESSAGES_RATE_LIMITED');
    expect(await k.credits(u.token, templateId)).toBe(1);
    // Another user of the same app is not held back.
    const other = await k.customer(m.appid);
    await k.accept(other.token, m.appid, templateId);
    expect((await k.send(m.token, { ...body, openid: other.openid })).status).toBe(200);
    k.clock.advance(1);
    expect((await k.send(m.token, body)).status).toBe(200);
    expect(await k.credits(u.token, templateId)).toBe(0);
  });

  it('holds each app to its daily quotas per user and in all, and resets them the next day', async () => {
    const { m, templateId, u, body } = await setup(5);
    for (let i = 0; i < 3; i++) {
      expect((await k.send(m.token, body)).status).toBe(200);
      k.clock.advance(1000);
    }
    const fourth = await k.send(m.token, body);
    expect(fourth.status).toBe(429);
    expect(fourth.json.error.code).toBe('MESSAGES_USER_QUOTA_EXCEEDED');
    expect(await k.credits(u.token, templateId)).toBe(2);

    const a = await k.customer(m.appid);
    const b = await k.customer(m.appid);
    await k.accept(a.token, m.appid, templateId, 2);
    await k.accept(b.token, m.appid, templateId, 1);
    expect((await k.send(m.token, { ...body, openid: a.openid })).status).toBe(200);
    expect((await k.send(m.token, { ...body, openid: b.openid })).status).toBe(200);
    k.clock.advance(1000);
    // Five in all today: the app's quota is reached whoever the user is.
    const sixth = await k.send(m.token, { ...body, openid: a.openid });
    expect(sixth.json.error.code).toBe('MESSAGES_APP_QUOTA_EXCEEDED');
    expect(await k.credits(a.token, templateId)).toBe(1);

    k.clock.advance(24 * 3600_000);
    const tomorrow = await k.c.clientToken(m.appid, m.secret);
    expect((await k.send(tomorrow, body)).status).toBe(200);
  });

  it('validates consent requests: at most 3 ids, of this app, of one kind; answers per id; remembers "always"', async () => {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const ids = [
      await k.selectTemplate(m, library.id, [1]),
      await k.selectTemplate(m, library.id, [2]),
      await k.selectTemplate(m, library.id, [3]),
      await k.selectTemplate(m, library.id, [4]),
    ];
    const u = await k.customer(m.appid);
    const sheet = (templateIds: string[]) =>
      k.call('POST', `/api/runtime/apps/${m.appid}/subscribe-sheet`, {
        token: u.token,
        body: { template_ids: templateIds },
      });

    expect((await sheet(ids)).json.error.code).toBe('MESSAGES_TOO_MANY_TEMPLATES');
    expect((await sheet([])).json.error.code).toBe('HTTP_VALIDATION');
    const rival = await k.merchant();
    const rivalTemplate = await k.selectTemplate(rival, library.id, [1]);
    const foreign = await sheet([ids[0] as string, rivalTemplate]);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({
      code: 'MESSAGES_TEMPLATE_NOT_FOUND',
      details: { template_id: rivalTemplate },
    });

    // The three share a title: the sheet shows the first, filters the repeats.
    const shown = await sheet(ids.slice(0, 3));
    expect(shown.status).toBe(200);
    expect(shown.json.items.map((i: { unavailable: string | null }) => i.unavailable)).toEqual([
      null,
      'filter',
      'filter',
    ]);

    const first = ids[0] as string;
    const rejected = await k.answer(u.token, m.appid, [first], [], true);
    expect(rejected.json.results).toEqual({ [first]: 'reject' });
    // Remembered: a later "accept" posted by a client does not override the user's "always".
    const again = await k.answer(u.token, m.appid, [first], [first]);
    expect(again.json.results).toEqual({ [first]: 'reject' });
    expect(again.json.sheet).toMatchObject({ decided: true, items: [{ remembered: 'reject' }] });
    expect(await k.credits(u.token, first)).toBe(0);
    // Revoking forgets the remembered choice: the sheet asks again.
    await k.call('DELETE', `/api/me/messages/subscriptions/${m.appid}?template_id=${first}`, {
      token: u.token,
    });
    expect((await k.answer(u.token, m.appid, [first], [first], true)).json.results).toEqual({
      [first]: 'accept',
    });
    // "Always accept": each later request adds a send without the sheet.
    await k.answer(u.token, m.appid, [first], []);
    expect(await k.credits(u.token, first)).toBe(2);

    // A banned library template answers `ban` and cannot send.
    await k.call('PUT', `/api/operator/message-templates/${library.id}/status`, {
      token: k.operator.token,
      body: { status: 'banned' },
    });
    expect((await k.answer(u.token, m.appid, [first], [first])).json.results).toEqual({ [first]: 'ban' });
    const banned = await k.send(m.token, { openid: u.openid, template_id: first, data: { thing1: 'x' } });
    expect(banned.json.error.code).toBe('MESSAGES_TEMPLATE_BANNED');
  });

  it('refuses one-time and long-term templates in one request', async () => {
    await k.call('PUT', '/api/operator/message-long-term-categories', {
      token: k.operator.token,
      body: { categories: ['food_delivery'] },
    });
    const oneTime = await k.libraryTemplate();
    const longTerm = await k.libraryTemplate({ ...orderTemplate, title: 'Kitchen news', kind: 'long_term' });
    const m = await k.merchant();
    const a = await k.selectTemplate(m, oneTime.id, [1]);
    const b = await k.selectTemplate(m, longTerm.id, [1]);
    const u = await k.customer(m.appid);
    const mixed = await k.answer(u.token, m.appid, [a, b], [a, b]);
    expect(mixed.status).toBe(400);
    expect(mixed.json.error.code).toBe('MESSAGES_MIXED_KINDS');
    expect(await k.credits(u.token, a)).toBe(0);
  });

  it('lets the user mute an app: its sends are refused without spending consent', async () => {
    const { m, templateId, u, body } = await setup(1);
    const muted = await k.call('PUT', `/api/me/messages/mutes/${m.appid}`, {
      token: u.token,
      body: { muted: true },
    });
    expect(muted.json).toEqual({ appid: m.appid, muted: true });
    const refused = await k.send(m.token, body);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('MESSAGES_USER_MUTED');
    expect(await k.credits(u.token, templateId)).toBe(1);
    await k.call('PUT', `/api/me/messages/mutes/${m.appid}`, { token: u.token, body: { muted: false } });
    expect((await k.send(m.token, body)).status).toBe(200);
  });

  it("puts messages, consents and mutes in the user's export and erases them with the account", async () => {
    const { m, templateId, u, body } = await setup(2);
    const sent = await k.send(m.token, body);
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    await k.call('PUT', `/api/me/messages/mutes/${m.appid}`, { token: u.token, body: { muted: true } });
    const exported = await k.call('GET', '/api/me/export', { token: u.token });
    expect(exported.json.sections.messages).toMatchObject({
      messages: [{ id: sent.json.message_id, template_id: templateId, title: 'Order status' }],
      subscriptions: [{ template_id: templateId, credits: 1 }],
      muted_apps: [{}],
    });
    const erased = await k.call('DELETE', '/api/me', {
      token: u.token,
      body: { confirmation: 'delete my account' },
    });
    expect(erased.status).toBe(200);
    const left = await k.t.db
      .selectFrom('message')
      .select('id')
      .where('user_id', '=', u.userId)
      .unionAll(
        k.t.db.selectFrom('message_subscription').select('template_id as id').where('user_id', '=', u.userId),
      )
      .unionAll(k.t.db.selectFrom('message_mute').select('app_id as id').where('user_id', '=', u.userId))
      .execute();
    expect(left).toEqual([]);
  });

  it("counts each template's funnel: sent, delivered, opened, and an order paid within a day of the open", async () => {
    const { m, templateId, u, body } = await setup(1);
    const library = await k.libraryTemplate({ ...orderTemplate, title: 'Pickup reminder' });
    const other = await k.selectTemplate(m, library.id);
    const v = await k.customer(m.appid);
    await k.accept(v.token, m.appid, other);

    const sent = await k.send(m.token, body);
    await k.send(m.token, { ...body, openid: v.openid, template_id: other });
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    await k.call('POST', `/api/me/messages/${sent.json.message_id}/open`, { token: u.token });
    const pay = async (user: { token: string; openid: string }, no: string) => {
      const order = await k.call('POST', '/api/payments/orders', {
        token: m.token,
        body: {
          out_order_no: no,
          openid: user.openid,
          total_amount: 1200,
          currency: 'CNY',
          subject: 'Noodles',
        },
      });
      expect(order.status, JSON.stringify(order.json)).toBe(201);
      const paid = await k.call('POST', '/api/runtime/payments/pay', {
        token: user.token,
        body: { order_id: order.json.order_id, order_token: order.json.order_token, confirmed: true },
      });
      expect(paid.json.code).toBe(0);
    };
    // The user who opened the message orders (twice: the message is credited once); the
    // user who never opened theirs orders too, which the funnel does not credit.
    await pay(u, 'F1');
    await pay(u, 'F2');
    await pay(v, 'F3');

    const today = new Date(k.clock.now()).toISOString().slice(0, 10);
    const funnel = await k.call('GET', `/api/apps/${m.appid}/funnel/messages?from=${today}&to=${today}`, {
      token: m.owner.token,
    });
    expect(funnel.status).toBe(200);
    expect(funnel.json.templates).toEqual(
      expect.arrayContaining([
        { template_id: templateId, title: 'Order status', sent: 1, delivered: 1, opened: 1, ordered: 1 },
        { template_id: other, title: 'Pickup reminder', sent: 1, delivered: 1, opened: 0, ordered: 0 },
      ]),
    );
    const bad = await k.call('GET', `/api/apps/${m.appid}/funnel/messages?from=${today}&to=2020-01-01`, {
      token: m.owner.token,
    });
    expect(bad.json.error.code).toBe('MESSAGES_PERIOD_INVALID');
    const stranger = await k.c.orgOwner();
    const hidden = await k.call('GET', `/api/apps/${m.appid}/funnel/messages?from=${today}&to=${today}`, {
      token: stranger.token,
    });
    expect(hidden.status).toBe(404);
  });
});
