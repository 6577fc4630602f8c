import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { orderData, startMessagesKit } from './testing.ts';

type Kit = Awaited<ReturnType<typeof startMessagesKit>>;

// Douyin names each value by its keyword's name; WeChat by key, each as `{ value }`.
const byName = {
  Dish: 'Beef noodles',
  Amount: '¥32.00',
  Status: '已送达',
  'Order number': 'A-1001',
  Time: '2026-12-07 12:30',
};
const wechatData = Object.fromEntries(Object.entries(orderData).map(([k, value]) => [k, { value }]));

describe.each(testEngines)("the dialects' subscription-message sends on %s", (engine) => {
  let k: Kit;
  let libraryId: string;
  beforeAll(async () => {
    k = await startMessagesKit(engine);
    libraryId = (await k.libraryTemplate()).id;
  });
  afterAll(async () => k?.stop());

  async function world() {
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, libraryId);
    const user = await k.customer(m.appid);
    return { m, templateId, user };
  }

  const messages = async () =>
    Number(
      (
        await k.t.db
          .selectFrom('message')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Each refusal: the dialect's number, no message stored, the consent still there. */
  async function refusedWithoutChange(
    userToken: string,
    templateId: string,
    attempt: () => Promise<{ json: Record<string, unknown> }>,
  ) {
    const before = [await messages(), await k.credits(userToken, templateId)];
    const res = await attempt();
    expect([await messages(), await k.credits(userToken, templateId)]).toEqual(before);
    return res.json;
  }

  it("Douyin's legacy notify sends by keyword name and refuses with Douyin's documented numbers", async () => {
    const { m, templateId, user } = await world();
    const notify = (body: Record<string, unknown>) =>
      k.call('POST', '/compat/douyin/api/apps/subscribe_notification/developer/v1/notify', { body });
    const base = { access_token: m.token, app_id: m.appid, tpl_id: templateId, open_id: user.openid };

    // No consent yet.
    expect(
      await refusedWithoutChange(user.token, templateId, () => notify({ ...base, data: byName })),
    ).toMatchObject({ err_no: 1001, plaza_code: 'MESSAGES_CONSENT_REQUIRED' });
    await k.accept(user.token, m.appid, templateId);
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ ...base, data: { ...byName, Dish: 'x'.repeat(21) } }, 1001, 'MESSAGES_DATA_INVALID'],
      [{ ...base, data: orderData }, 1001, 'MESSAGES_DATA_INVALID'],
      [{ ...base, data: byName, tpl_id: 'tpl_unknown' }, 1001, 'MESSAGES_TEMPLATE_NOT_FOUND'],
      [{ ...base, data: byName, open_id: 'nobody' }, 1001, 'LOGIN_UNKNOWN_OPENID'],
      [{ ...base, data: byName, page: 'https://evil.example' }, 1001, 'MESSAGES_PAGE_INVALID'],
      [{ ...base, data: byName, access_token: 'pzt_forged' }, 1001, 'DOUYIN_ACCESS_TOKEN_INVALID'],
      [{ ...base, data: byName, app_id: 'tt_other' }, 1001, 'DOUYIN_ACCESS_TOKEN_INVALID'],
      [{ ...base, data: 'not an object' }, 1000, 'HTTP_VALIDATION'],
    ];
    for (const [body, no, code] of refusals) {
      expect(await refusedWithoutChange(user.token, templateId, () => notify(body)), code).toMatchObject({
        err_no: no,
        plaza_code: code,
      });
    }
    const sent = await notify({ ...base, data: byName, page: 'pages/orders/orders?id=1' });
    expect(sent.json).toMatchObject({ err_no: 0, log_id: expect.any(String) });
    expect(await k.credits(user.token, templateId)).toBe(0);
    await k.t.jobs.workers.runDue();
    const inbox = await k.call('GET', `/api/me/messages/threads/${m.appid}`, { token: user.token });
    expect(JSON.stringify(inbox.json)).toContain('Beef noodles');
  });

  it("Douyin's notify_user (v2) sends with the access-token header", async () => {
    const { m, templateId, user } = await world();
    await k.accept(user.token, m.appid, templateId);
    const notifyUser = (body: Record<string, unknown>, token = m.token) =>
      k.call('POST', '/compat/douyin/api/notification/v2/subscription/notify_user/', {
        body,
        headers: { 'access-token': token },
      });
    const body = { open_id: user.openid, tpl_id: templateId, data: byName };
    expect(
      await refusedWithoutChange(user.token, templateId, () => notifyUser(body, 'pzt_forged')),
    ).toMatchObject({ err_no: 28001003, data: null });
    expect(
      await refusedWithoutChange(user.token, templateId, () => notifyUser({ ...body, data: { Dish: 'x' } })),
    ).toMatchObject({ err_no: 28001005, plaza_code: 'MESSAGES_DATA_INVALID' });
    expect(
      await refusedWithoutChange(user.token, templateId, () => notifyUser({ ...body, tpl_id: undefined })),
    ).toMatchObject({ err_no: 28001005 });
    const sent = await notifyUser(body);
    expect(sent.json).toMatchObject({ err_no: 0, data: { msg_id: expect.stringMatching(/^sm/) } });
    // The consent is spent: a second send is refused as WeChat's 43101 is, in Douyin's range.
    expect(await refusedWithoutChange(user.token, templateId, () => notifyUser(body))).toMatchObject({
      err_no: 28001011,
      plaza_code: 'MESSAGES_CONSENT_REQUIRED',
    });
  });

  it("WeChat's subscribe/send sends { key: { value } } and refuses with WeChat's errcodes", async () => {
    const { m, templateId, user } = await world();
    const send = (body: Record<string, unknown>, token: string | undefined) =>
      k.call(
        'POST',
        `/compat/wechat/cgi-bin/message/subscribe/send${token === undefined ? '' : `?access_token=${token}`}`,
        { body },
      );
    const base = { touser: user.openid, template_id: templateId, data: wechatData };
    const errcode = async (body: Record<string, unknown>, token: string | undefined = m.token) =>
      (await refusedWithoutChange(user.token, templateId, () => send(body, token))).errcode;
    expect(await errcode(base)).toBe(43101);
    await k.accept(user.token, m.appid, templateId);
    const tokenless = await refusedWithoutChange(user.token, templateId, () => send(base, undefined));
    expect(tokenless.errcode).toBe(41001);
    expect(await errcode(base, 'pzt_forged')).toBe(40001);
    expect(await errcode({ ...base, touser: 'nobody' })).toBe(40003);
    expect(await errcode({ ...base, template_id: 'tpl_unknown' })).toBe(40037);
    expect(await errcode({ ...base, data: { ...wechatData, thing1: { value: 'x'.repeat(21) } } })).toBe(
      47003,
    );
    expect(await errcode({ ...base, data: { thing1: 'no value object' } })).toBe(47003);
    expect(await errcode({ ...base, page: '../../etc' })).toBe(41030);
    const sent = await send(
      { ...base, page: 'pages/orders/orders?id=1', miniprogram_state: 'formal' },
      m.token,
    );
    expect(sent.json).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.stringMatching(/^sm/) });
    expect(await k.credits(user.token, templateId)).toBe(0);
  });
});
