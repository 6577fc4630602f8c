import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import type { Engine } from '../../db/database.ts';
import { appsClient } from '../apps/testing.ts';
import { startWebhookReceiver } from '../payments/testing.ts';

/*
 * The messages module's test kit: a platform with an operator, library templates,
 * merchant apps whose webhooks reach a local receiver, end users with their openids, and
 * the calls of each party, all over HTTP.
 */

export const orderTemplate = {
  category: 'food_delivery',
  title: 'Order status',
  kind: 'one_time',
  keywords: [
    { name: 'Dish', type: 'thing' },
    { name: 'Amount', type: 'amount' },
    { name: 'Status', type: 'phrase' },
    { name: 'Order number', type: 'character_string' },
    { name: 'Time', type: 'time' },
  ],
} as const;

export async function startMessagesKit(engine: Engine, env: Record<string, string> = {}) {
  const clock = manualClock(Date.now());
  const t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true', ...env } });
  const c = appsClient(t);
  const receiver = await startWebhookReceiver();
  const operator = await c.operator();
  const { call } = c;

  async function expectOk(res: Awaited<ReturnType<typeof call>>, status: number, what: string) {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  async function libraryTemplate(body: Record<string, unknown> = orderTemplate) {
    const json = await expectOk(
      await call('POST', '/api/operator/message-templates', { token: operator.token, body }),
      201,
      'library template',
    );
    return json as { id: string; keywords: { kid: number }[] };
  }

  /** A merchant app of the category with its client token. */
  async function merchant(category = 'food_delivery') {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: receiver.url, category });
    const token = await c.clientToken(created.appid, created.secret);
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    return { owner, appid: created.appid, appId: app.id, token, secret: created.secret };
  }

  async function selectTemplate(
    m: { owner: { token: string }; appid: string },
    libraryId: string,
    kidList: number[] = [1, 2, 3, 4, 5],
  ) {
    const json = await expectOk(
      await call('POST', `/api/apps/${m.appid}/message-templates`, {
        token: m.owner.token,
        body: { library_id: libraryId, kid_list: kidList },
      }),
      201,
      'select template',
    );
    return json.template_id as string;
  }

  async function customer(appid: string) {
    const user = await c.endUser();
    const openid = await t.login.openidFor(appid, user.userId);
    return { ...user, openid };
  }

  const answer = (
    userToken: string,
    appid: string,
    templateIds: string[],
    accepted: string[],
    always = false,
  ) =>
    call('POST', `/api/runtime/apps/${appid}/subscriptions`, {
      token: userToken,
      body: { template_ids: templateIds, accepted, always },
    });

  async function accept(userToken: string, appid: string, templateId: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await expectOk(await answer(userToken, appid, [templateId], [templateId]), 200, 'accept');
    }
  }

  const send = (appToken: string, body: Record<string, unknown>) =>
    call('POST', '/api/messages/subscribe/send', { token: appToken, body });

  /** Unused one-time sends of the user for a template. */
  async function credits(userToken: string, templateId: string): Promise<number> {
    const json = await expectOk(
      await call('GET', '/api/me/messages/subscriptions', { token: userToken }),
      200,
      'subscriptions',
    );
    const item = (json.items as { template_id: string; credits: number }[]).find(
      (i) => i.template_id === templateId,
    );
    return item?.credits ?? 0;
  }

  return {
    t,
    c,
    call,
    clock,
    receiver,
    operator,
    libraryTemplate,
    merchant,
    selectTemplate,
    customer,
    answer,
    accept,
    send,
    credits,
    async stop() {
      await t.stop();
      await receiver.close();
    },
  };
}

/** Data that fits `orderTemplate` with every keyword selected. */
export const orderData = {
  thing1: 'Beef noodles',
  amount2: '¥32.00',
  phrase3: '已送达',
  character_string4: 'A-1001',
  time5: '2026-12-07 12:30',
};
