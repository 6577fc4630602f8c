import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { jpegBytes, pngBytes, startSupportKit } from './testing.ts';

const hour = 3_600_000;

describe.each(testEngines)('customer service on %s', (engine) => {
  let k: Awaited<ReturnType<typeof startSupportKit>>;
  beforeAll(async () => {
    k = await startSupportKit(engine);
  });
  afterAll(async () => {
    await k?.stop();
  });

  /** A merchant, a customer who opened the chat and wrote one line. */
  async function talking() {
    const m = await k.merchant();
    const u = await k.customer(m.appid);
    const said = await k.say(u.token, m.appid, 'Where is my order?');
    expect(said.status).toBe(201);
    return { m, u, said };
  }

  const lineCount = async (conversationId: string) =>
    (
      await k.t.db
        .selectFrom('support_message')
        .select('id')
        .where('conversation_id', '=', conversationId)
        .execute()
    ).length;

  it('opens a chat from an order page, reaches the merchant by signed webhook and polling, and carries its answers back', async () => {
    const m = await k.merchant();
    const u = await k.customer(m.appid);
    const { order } = await k.t.payments.orders.create(m.appId, {
      outOrderNo: 'A-77',
      openid: u.openid,
      totalAmount: 3200,
      currency: 'CNY',
      subject: 'Beef noodles',
    });

    // The contact button on the order's page: the order is the card at the chat's head.
    const opened = await k.call('POST', k.chat(m.appid, '/open'), {
      token: u.token,
      body: { path: 'pages/result/result?status=paid&orderId=A-77', title: 'Order placed' },
    });
    expect(opened.status).toBe(200);
    expect(opened.json.card).toMatchObject({
      sender: 'user',
      kind: 'card',
      card: {
        type: 'order',
        order_id: order.id,
        out_order_no: 'A-77',
        subject: 'Beef noodles',
        total_amount: 3200,
      },
    });
    // Opening again from the same page does not repeat the card; another page is a page card.
    const again = await k.call('POST', k.chat(m.appid, '/open'), {
      token: u.token,
      body: { path: 'pages/result/result?status=paid&orderId=A-77', title: 'Order placed' },
    });
    expect(again.json.card).toBeNull();
    const shop = await k.call('POST', k.chat(m.appid, '/open'), {
      token: u.token,
      body: { path: '/pages/shop/shop', title: 'Menu' },
    });
    expect(shop.json.card.card).toEqual({ type: 'page', path: 'pages/shop/shop', title: 'Menu' });

    const said = await k.say(u.token, m.appid, '  Where is my order?  ');
    expect(said.json).toMatchObject({ kind: 'text', text: 'Where is my order?', sender: 'user' });
    const image = await k.postImage(
      k.chat(m.appid, '/images'),
      u.token,
      pngBytes,
      'application/octet-stream',
    );
    expect(image.status).toBe(201);
    expect(image.json).toMatchObject({ kind: 'image', image_type: 'image/png' });

    // Each line reaches the merchant's server signed (the receiver keeps only verified ones).
    await k.drain();
    // Deliveries run concurrently: put them back in the order the lines were written.
    const hooks = k.receiver.events
      .filter((e) => e.type === 'support.message' && e.data.openid === u.openid)
      .sort((a, b) => String(a.data.message_id).localeCompare(String(b.data.message_id)));
    expect(hooks.map((e) => e.data.kind)).toEqual(['card', 'card', 'text', 'image']);
    expect(hooks[2]?.data).toMatchObject({ message_id: said.json.message_id, text: 'Where is my order?' });
    expect(hooks[3]?.data.image_url).toBe(`/api/support/images/${image.json.message_id}`);
    expect(k.receiver.forged).toEqual([]);

    // Polling gives the same lines, oldest first, and a cursor that moves on.
    const polled = await k.call('GET', '/api/support/messages?limit=3', { token: m.token });
    expect(polled.json.items.map((i: { kind: string }) => i.kind)).toEqual(['card', 'card', 'text']);
    expect(polled.json.items[2].openid).toBe(u.openid);
    const rest = await k.call('GET', `/api/support/messages?after=${polled.json.next}`, { token: m.token });
    expect(rest.json.items.map((i: { message_id: string }) => i.message_id)).toEqual([image.json.message_id]);
    const bad = await k.call('GET', '/api/support/messages?after=nonsense', { token: m.token });
    expect(bad.json.error.code).toBe('SUPPORT_CURSOR_INVALID');

    // The image is the user's, the app's agents' and the app's server's to read.
    for (const token of [m.token, u.token, m.owner.token]) {
      const png = await k.t.app.inject({
        method: 'GET',
        url: `/api/support/images/${image.json.message_id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.equals(pngBytes)).toBe(true);
    }

    // The server answers; the user sees it, unread until read.
    const answer = await k.reply(m.token, u.openid, 'It left the kitchen');
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ sender: 'merchant', agent_account_id: null });
    const mine = await k.call('GET', '/api/me/support/conversations', { token: u.token });
    expect(mine.json.items).toMatchObject([
      { app: { appid: m.appid }, status: 'waiting', user_unread: 1, last: { text: 'It left the kitchen' } },
    ]);
    expect((await k.call('POST', k.chat(m.appid, '/read'), { token: u.token })).status).toBe(204);
    const read = await k.call('GET', '/api/me/support/conversations', { token: u.token });
    expect(read.json.items[0].user_unread).toBe(0);
    const thread = await k.call('GET', k.chat(m.appid, '/messages?limit=2'), { token: u.token });
    expect(thread.json.items.map((l: { sender: string }) => l.sender)).toEqual(['merchant', 'user']);
  });

  it('shares the agent inbox among the org: statuses, unread counts, orders beside the chat, who answered', async () => {
    const { m, u } = await talking();
    const second = await k.agent(m);
    const inbox = await k.call('GET', k.inbox(m.appid, '/conversations?status=open'), {
      token: second.token,
    });
    expect(inbox.status).toBe(200);
    expect(inbox.json.counts.open).toEqual({ count: 1, unread: 1 });
    expect(inbox.json.items).toMatchObject([{ openid: u.openid, status: 'open', agent_unread: 1 }]);
    const id = inbox.json.items[0].conversation_id;

    await k.t.payments.orders.create(m.appId, {
      outOrderNo: 'B-1',
      openid: u.openid,
      totalAmount: 1850,
      currency: 'CNY',
      subject: 'Dan dan noodles',
    });
    const detail = await k.call('GET', k.inbox(m.appid, `/conversations/${id}`), { token: second.token });
    expect(detail.json.orders).toMatchObject([
      { out_order_no: 'B-1', subject: 'Dan dan noodles', total_amount: 1850 },
    ]);
    expect(detail.json.lines).toMatchObject([{ text: 'Where is my order?' }]);
    expect(detail.json.conversation.agent_unread).toBe(0);

    const a = await k.call('POST', k.inbox(m.appid, `/conversations/${id}/messages`), {
      token: second.token,
      body: { text: 'Looking into it' },
    });
    const b = await k.call('POST', k.inbox(m.appid, `/conversations/${id}/messages`), {
      token: m.owner.token,
      body: { text: 'It is on its way' },
    });
    expect(a.json.agent_account_id).toBe(second.account.id);
    expect(b.json.agent_account_id).toBe(m.owner.account.id);
    const jpeg = await k.postImage(
      k.inbox(m.appid, `/conversations/${id}/images`),
      m.owner.token,
      jpegBytes,
      'image/jpeg',
    );
    expect(jpeg.json).toMatchObject({
      kind: 'image',
      image_type: 'image/jpeg',
      agent_account_id: m.owner.account.id,
    });

    const waiting = await k.call('GET', k.inbox(m.appid, '/conversations?status=waiting'), {
      token: m.owner.token,
    });
    expect(waiting.json.items.map((c: { conversation_id: string }) => c.conversation_id)).toEqual([id]);
    const closed = await k.call('PUT', k.inbox(m.appid, `/conversations/${id}/status`), {
      token: m.owner.token,
      body: { status: 'closed' },
    });
    expect(closed.json.status).toBe('closed');
    // The user's next line opens it again.
    await k.say(u.token, m.appid, 'Thanks!');
    const reopened = await k.call('GET', k.inbox(m.appid, '/conversations'), { token: m.owner.token });
    expect(reopened.json.items[0]).toMatchObject({ status: 'open', agent_unread: 1 });
    expect(reopened.json.counts.closed.count).toBe(0);

    // Quick replies, shared.
    const added = await k.call('POST', k.inbox(m.appid, '/quick-replies'), {
      token: second.token,
      body: { text: 'Thank you for your patience' },
    });
    expect(added.status).toBe(201);
    const listed = await k.call('GET', k.inbox(m.appid, '/quick-replies'), { token: m.owner.token });
    expect(listed.json.items).toMatchObject([
      { text: 'Thank you for your patience', created_by: second.account.id },
    ]);
    const removed = await k.call('DELETE', k.inbox(m.appid, `/quick-replies/${added.json.id}`), {
      token: m.owner.token,
    });
    expect(removed.status).toBe(204);
    // At most 50 per app.
    for (let i = 0; i < 50; i++)
      await k.call('POST', k.inbox(m.appid, '/quick-replies'), {
        token: m.owner.token,
        body: { text: `Reply ${i}` },
      });
    const fiftyFirst = await k.call('POST', k.inbox(m.appid, '/quick-replies'), {
      token: m.owner.token,
      body: { text: 'One too many' },
    });
    expect({ status: fiftyFirst.status, code: fiftyFirst.json.error.code }).toEqual({
      status: 409,
      code: 'SUPPORT_TOO_MANY_QUICK_REPLIES',
    });
    const gone = await k.call('DELETE', k.inbox(m.appid, `/quick-replies/${added.json.id}`), {
      token: m.owner.token,
    });
    expect(gone.json.error.code).toBe('SUPPORT_QUICK_REPLY_NOT_FOUND');
  });

  it("refuses agents of another org and operators outside it, and hides one user's chat and images from another", async () => {
    const { m, u } = await talking();
    const image = await k.postImage(k.chat(m.appid, '/images'), u.token, pngBytes);
    const stranger = await k.c.orgOwner();
    const operator = await k.operator();
    const { items } = (await k.call('GET', k.inbox(m.appid, '/conversations'), { token: m.owner.token }))
      .json;
    const id = items[0].conversation_id;
    const before = await lineCount(id);
    for (const token of [stranger.token, operator.token]) {
      expect((await k.call('GET', k.inbox(m.appid, '/conversations'), { token })).status).toBe(404);
      expect((await k.call('GET', k.inbox(m.appid, `/conversations/${id}`), { token })).status).toBe(404);
      const reply = await k.call('POST', k.inbox(m.appid, `/conversations/${id}/messages`), {
        token,
        body: { text: 'hi' },
      });
      expect(reply.status).toBe(404);
      expect((await k.call('GET', `/api/support/images/${image.json.message_id}`, { token })).status).toBe(
        404,
      );
    }
    // Another app's agents cannot reach this app's conversation through their own app.
    const other = await k.merchant();
    const cross = await k.call('GET', k.inbox(other.appid, `/conversations/${id}`), {
      token: other.owner.token,
    });
    expect(cross.json.error.code).toBe('SUPPORT_CONVERSATION_NOT_FOUND');
    expect(
      (await k.call('GET', `/api/support/images/${image.json.message_id}`, { token: other.token })).status,
    ).toBe(404);
    const v = await k.customer(m.appid);
    expect(
      (await k.call('GET', `/api/support/images/${image.json.message_id}`, { token: v.token })).status,
    ).toBe(404);
    expect((await k.call('GET', k.chat(m.appid, '/messages'), { token: v.token })).json.error.code).toBe(
      'SUPPORT_CONVERSATION_NOT_FOUND',
    );
    expect(await lineCount(id)).toBe(before);
  });

  it("keeps Douyin's window: 5 answers per line of the user, 48 hours after it, and never to a user who did not write", async () => {
    const { m, u } = await talking();
    for (let i = 1; i <= 5; i++) expect((await k.reply(m.token, u.openid, `answer ${i}`)).status).toBe(201);
    const sixth = await k.reply(m.token, u.openid, 'answer 6');
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe('SUPPORT_REPLY_LIMIT_REACHED');
    const { items } = (await k.call('GET', k.chat(m.appid, '/messages'), { token: u.token })).json;
    expect(items).toHaveLength(6);

    // The user's next line gives the merchant 5 more.
    await k.say(u.token, m.appid, 'And the drinks?');
    expect((await k.reply(m.token, u.openid, 'Coming too')).status).toBe(201);

    // 48 hours later the window is shut, for the server and the agents alike.
    k.clock.advance(48 * hour + 1);
    const token = await m.renewToken();
    const late = await k.reply(token, u.openid, 'Sorry for the delay');
    expect(late.status).toBe(403);
    expect(late.json.error.code).toBe('SUPPORT_REPLY_WINDOW_CLOSED');
    const id = (await k.call('GET', k.inbox(m.appid, '/conversations'), { token: m.owner.token })).json
      .items[0].conversation_id;
    const agentLate = await k.call('POST', k.inbox(m.appid, `/conversations/${id}/messages`), {
      token: m.owner.token,
      body: { text: 'late' },
    });
    expect(agentLate.json.error.code).toBe('SUPPORT_REPLY_WINDOW_CLOSED');
    expect((await k.call('GET', k.chat(m.appid, '/messages'), { token: u.token })).json.items).toHaveLength(
      8,
    );

    // A user who never wrote cannot be written to; an openid of nobody is refused.
    const silent = await k.customer(m.appid);
    expect((await k.reply(token, silent.openid, 'Hello!')).json.error.code).toBe('SUPPORT_NO_USER_MESSAGE');
    expect((await k.reply(token, 'nobody', 'Hello!')).json.error.code).toBe('LOGIN_UNKNOWN_OPENID');
  });

  it('takes 20 concurrent answers to one line and lets exactly 5 through', async () => {
    const { m, u } = await talking();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => k.reply(m.token, u.openid, `answer ${i}`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.json.error.code))).toEqual(
      new Set(['SUPPORT_REPLY_LIMIT_REACHED']),
    );
  });

  it('refuses every malformed line with its code, and writes nothing', async () => {
    const { m, u } = await talking();
    const id = (await k.call('GET', k.inbox(m.appid, '/conversations'), { token: m.owner.token })).json
      .items[0].conversation_id;
    const before = await lineCount(id);
    const cases: [Promise<{ status: number; json: { error: { code: string } } }>, number, string][] = [
      [k.say(u.token, m.appid, ''), 400, 'SUPPORT_TEXT_INVALID'],
      [k.say(u.token, m.appid, ' \n\t '), 400, 'SUPPORT_TEXT_INVALID'],
      [k.say(u.token, m.appid, 'x'.repeat(2001)), 400, 'SUPPORT_TEXT_INVALID'],
      [
        k.call('POST', k.chat(m.appid, '/messages'), { token: u.token, body: { text: 'a', extra: 1 } }),
        400,
        'HTTP_VALIDATION',
      ],
      [k.call('POST', k.chat(m.appid, '/messages'), { token: u.token, body: {} }), 400, 'HTTP_VALIDATION'],
      [k.say(u.token, 'tt_nope', 'hello'), 404, 'SUPPORT_APP_NOT_FOUND'],
      [k.reply(m.token, u.openid, ''), 400, 'SUPPORT_TEXT_INVALID'],
      [
        k.call('POST', k.inbox(m.appid, `/conversations/${id}/messages`), {
          token: m.owner.token,
          body: { text: ' ' },
        }),
        400,
        'SUPPORT_TEXT_INVALID',
      ],
      [
        k.call('POST', k.inbox(m.appid, '/conversations/csc_none/messages'), {
          token: m.owner.token,
          body: { text: 'a' },
        }),
        404,
        'SUPPORT_CONVERSATION_NOT_FOUND',
      ],
      [
        k.call('PUT', k.inbox(m.appid, `/conversations/${id}/status`), {
          token: m.owner.token,
          body: { status: 'gone' },
        }),
        400,
        'HTTP_VALIDATION',
      ],
      [
        k.call('GET', k.inbox(m.appid, '/conversations?status=maybe'), { token: m.owner.token }),
        400,
        'HTTP_VALIDATION',
      ],
      [
        k.call('POST', k.inbox(m.appid, '/quick-replies'), { token: m.owner.token, body: { text: '' } }),
        400,
        'SUPPORT_TEXT_INVALID',
      ],
      [
        k.call('POST', k.chat(m.appid, '/reports'), { token: u.token, body: { reason: 'boredom' } }),
        400,
        'HTTP_VALIDATION',
      ],
      [k.call('GET', '/api/me/support/stream', { token: u.token }), 406, 'SUPPORT_EVENT_STREAM_ONLY'],
      [
        k.call('GET', k.inbox(m.appid, '/stream'), { token: m.owner.token }),
        406,
        'SUPPORT_EVENT_STREAM_ONLY',
      ],
      [k.call('GET', '/api/support/images/csm_none', { token: u.token }), 404, 'SUPPORT_MESSAGE_NOT_FOUND'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect({ status: res.status, code: res.json.error.code }).toEqual({ status, code });
    }
    expect(await lineCount(id)).toBe(before);
  });

  it('checks images by their bytes, whatever their declared type, and by their size', async () => {
    const { m, u } = await talking();
    const url = k.chat(m.appid, '/images');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const script = Buffer.from('<script>alert(1)</script>');
    const notImages: [Buffer, string][] = [
      [gif, 'image/png'],
      [script, 'image/jpeg'],
      [Buffer.from([0x89, 0x50]), 'image/png'],
      [Buffer.alloc(0), 'image/webp'],
    ];
    for (const [bytes, type] of notImages) {
      const res = await k.postImage(url, u.token, bytes, type);
      expect({ status: res.status, code: res.json.error.code }).toEqual({
        status: 415,
        code: 'SUPPORT_NOT_AN_IMAGE',
      });
    }
    const large = Buffer.concat([pngBytes, Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await k.postImage(url, u.token, large);
    expect({ status: tooLarge.status, code: tooLarge.json.error.code }).toEqual({
      status: 413,
      code: 'SUPPORT_IMAGE_TOO_LARGE',
    });
    const webp = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(40)]);
    expect((await k.postImage(url, u.token, webp, 'image/gif')).json.image_type).toBe('image/webp');
    const lines = await k.call('GET', k.chat(m.appid, '/messages'), { token: u.token });
    expect(lines.json.items.map((l: { kind: string }) => l.kind)).toEqual(['image', 'text']);
    // A merchant's image answer is checked the same way.
    const merchantBad = await k.postImage(
      `/api/support/images?openid=${u.openid}`,
      m.token,
      script,
      'image/png',
    );
    expect(merchantBad.json.error.code).toBe('SUPPORT_NOT_AN_IMAGE');
    const merchantGood = await k.postImage(`/api/support/images?openid=${u.openid}`, m.token, jpegBytes);
    expect(merchantGood.json).toMatchObject({ sender: 'merchant', image_type: 'image/jpeg' });
  });

  it('lets the user block the merchant and report the chat; the operator sees the report', async () => {
    const { m, u } = await talking();
    const blocked = await k.call('PUT', k.chat(m.appid, '/block'), {
      token: u.token,
      body: { blocked: true },
    });
    expect(blocked.json.blocked).toBe(true);
    const refused = await k.reply(m.token, u.openid, 'Buy more!');
    expect({ status: refused.status, code: refused.json.error.code }).toEqual({
      status: 403,
      code: 'SUPPORT_BLOCKED',
    });
    const report = await k.call('POST', k.chat(m.appid, '/reports'), {
      token: u.token,
      body: { reason: 'spam', note: 'Adverts every hour' },
    });
    expect(report.status).toBe(201);
    // The report is a complaint in the merchant's service record, which the feed ranks by.
    const record = await k.t.db
      .selectFrom('rec_provider')
      .select('complaints')
      .where('key', '=', `app:${m.appid}`)
      .executeTakeFirst();
    expect(Number(record?.complaints)).toBe(1);

    const operator = await k.operator();
    const reports = await k.call('GET', '/api/operator/support/reports', { token: operator.token });
    expect(reports.json.items[0]).toMatchObject({
      report_id: report.json.report_id,
      app: { appid: m.appid },
      reason: 'spam',
      note: 'Adverts every hour',
      blocked: true,
    });
    expect((await k.call('GET', '/api/operator/support/reports', { token: m.owner.token })).status).toBe(403);

    await k.call('PUT', k.chat(m.appid, '/block'), { token: u.token, body: { blocked: false } });
    expect((await k.reply(m.token, u.openid, 'Sorry')).status).toBe(201);
  });

  it("puts the user's chats in their export and erases them, images too, with the account", async () => {
    const { m, u, said } = await talking();
    // Bytes of this test alone: the same bytes sent elsewhere would share the blob.
    const own = Buffer.concat([jpegBytes, Buffer.from(u.userId)]);
    const image = await k.postImage(k.chat(m.appid, '/images'), u.token, own);
    await k.call('POST', k.chat(m.appid, '/reports'), { token: u.token, body: { reason: 'other' } });
    const exported = await k.call('GET', '/api/me/export', { token: u.token });
    expect(exported.json.sections.customer_service).toMatchObject({
      conversations: [{ app_id: m.appId, status: 'open' }],
      messages: [
        { id: said.json.message_id, text: 'Where is my order?' },
        { id: image.json.message_id, kind: 'image' },
      ],
      reports: [{ reason: 'other' }],
    });
    const sha = exported.json.sections.customer_service.messages[1].image_sha256 as string;
    expect(await k.t.blobs.size(sha)).toBe(own.length);
    const erased = await k.call('DELETE', '/api/me', {
      token: u.token,
      body: { confirmation: 'delete my account' },
    });
    expect(erased.status).toBe(200);
    const left = await k.t.db
      .selectFrom('support_message')
      .select('id')
      .where('user_id', '=', u.userId)
      .unionAll(k.t.db.selectFrom('support_conversation').select('id').where('user_id', '=', u.userId))
      .unionAll(k.t.db.selectFrom('support_report').select('id').where('user_id', '=', u.userId))
      .execute();
    expect(left).toEqual([]);
    expect(await k.t.blobs.size(sha)).toBeUndefined();
  });
});
