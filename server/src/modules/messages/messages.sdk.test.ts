import { PlazaApiError, PlazaClient } from '@plaza/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderData, startMessagesKit } from './testing.ts';

// The server SDK is the contract this module implements: drive it against a live server.
describe('the server SDK against subscription messages', () => {
  let k: Awaited<ReturnType<typeof startMessagesKit>>;
  let base: string;
  beforeAll(async () => {
    k = await startMessagesKit('sqlite');
    base = await k.t.listen();
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('sends with the consent the user gave, reads the message back, and surfaces refusals by code', async () => {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, library.id);
    const u = await k.customer(m.appid);
    const plaza = new PlazaClient({
      baseUrl: base,
      appid: m.appid,
      secret: m.secret,
      now: () => k.clock.now(),
    });
    const input = {
      openid: u.openid,
      template_id: templateId,
      data: orderData,
      page: 'pages/order/order?id=7',
    };

    const refused = await plaza.messages.send(input).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlazaApiError);
    expect((refused as PlazaApiError).code).toBe('MESSAGES_CONSENT_REQUIRED');

    await k.accept(u.token, m.appid, templateId);
    const sent = await plaza.messages.send(input);
    expect(sent).toMatchObject({ template_id: templateId, status: 'sent', page: 'pages/order/order?id=7' });
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    expect((await plaza.messages.get(sent.message_id)).status).toBe('delivered');
  });
});
