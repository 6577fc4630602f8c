import { PlazaApiError, PlazaClient } from '@plaza/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSupportKit } from './testing.ts';

// The server SDK is the contract this module implements: drive it against a live server.
describe('the server SDK against customer service', () => {
  let k: Awaited<ReturnType<typeof startSupportKit>>;
  let base: string;
  beforeAll(async () => {
    k = await startSupportKit('sqlite');
    base = await k.t.listen();
  });
  afterAll(async () => {
    await k?.stop();
  });

  it("polls the users' lines, answers them, and surfaces the window's refusals by code", async () => {
    const m = await k.merchant();
    const u = await k.customer(m.appid);
    const plaza = new PlazaClient({
      baseUrl: base,
      appid: m.appid,
      secret: m.secret,
      now: () => k.clock.now(),
    });

    const early = await plaza.support.reply({ openid: u.openid, text: 'Hello' }).catch((e: unknown) => e);
    expect((early as PlazaApiError).code).toBe('SUPPORT_NO_USER_MESSAGE');

    const said = await k.say(u.token, m.appid, 'Do you deliver at night?');
    const { items, next } = await plaza.support.poll();
    expect(items).toMatchObject([
      { message_id: said.json.message_id, openid: u.openid, text: 'Do you deliver at night?' },
    ]);
    expect(next).toBe(said.json.message_id);
    expect((await plaza.support.poll({ after: next ?? undefined })).items).toEqual([]);

    const answer = await plaza.support.reply({ openid: u.openid, text: 'Until midnight' });
    expect(answer).toMatchObject({ sender: 'merchant', agent_account_id: null, text: 'Until midnight' });
    const refused = await plaza.support.reply({ openid: u.openid, text: '' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlazaApiError);
    expect((refused as PlazaApiError).code).toBe('SUPPORT_TEXT_INVALID');
  });
});
