import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';
import { createMemoryHost } from '../testing/memory-host.ts';
import type { HostCapabilities } from './host-capabilities.ts';
import { HostRefusal } from './host-capabilities.ts';

// tt.requestSubscribeMessage / wx.requestSubscribeMessage, headless: the rules the logic layer
// keeps before the host's sheet opens, and the dialects' answers. Titles name the members.
const page = `Page({
  ask(ids) { var self = this; tt.requestSubscribeMessage({ tmplIds: ids,
    success: function (r) { getApp().log.push(r); }, fail: function (e) { getApp().log.push(e); } }); },
  onLoad() { this.ask(['t1']); },
  onTap() { this.ask(getApp().ids); },
  onPay() { tt.pay({ orderInfo: { order_id: 'o', order_token: 'k' }, success: () => this.ask(['t1']) }); },
});`;

async function launched(host?: Partial<HostCapabilities>) {
  const t = logicHarness(
    { 'app.js': 'App({ log: [], ids: [] });', 'pages/index/index.js': page },
    { dialect: 'tt' },
    { ...createMemoryHost(), ...host },
  );
  await t.logic.launch();
  const app = t.logic.getApp() as { log: Record<string, unknown>[]; ids: unknown[] };
  const id = t.of('page.create')[0]!.instanceId;
  const tap = async (handler = 'onTap') => {
    t.logic.receive({
      v: 1,
      type: 'event',
      instanceId: id,
      handler,
      event: {
        type: 'tap',
        timeStamp: 1,
        target: { id: '', dataset: {} },
        currentTarget: { id: '', dataset: {} },
        detail: {},
      },
    });
    for (let i = 0; i < 5; i++) await t.tick();
  };
  return { t, app, tap };
}

describe('requestSubscribeMessage', () => {
  it('tt.requestSubscribeMessage opens the sheet only from a tap or a payment callback (errCode 10005 otherwise)', async () => {
    const { t, app, tap } = await launched();
    await t.tick();
    expect(app.log[0]).toMatchObject({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
      errCode: 10005,
      errNo: 10005,
    });
    app.ids.push('t1', 't2');
    await tap();
    expect(app.log[1]).toEqual({
      t1: 'accept',
      t2: 'accept',
      templateSettings: { t1: { status: 'accept' }, t2: { status: 'accept' } },
      errMsg: 'requestSubscribeMessage:ok',
    });
  });

  it('tt.pay success lets its callback ask for subscriptions', async () => {
    const { app, tap } = await launched();
    // The payment itself starts from a tap; the sheet opens from its success callback.
    await tap('onPay');
    expect(app.log.at(-1)).toMatchObject({ t1: 'accept', errMsg: 'requestSubscribeMessage:ok' });
  });

  it('wx.requestSubscribeMessage refuses empty, malformed and more than 3 ids with the dialects codes', async () => {
    const { app, tap } = await launched();
    const cases: [unknown[], number][] = [
      [[], 10001],
      [[5], 10004],
      [['a', 'b', 'c', 'd'], 20003],
    ];
    for (const [ids, code] of cases) {
      app.ids.splice(0, app.ids.length, ...ids);
      await tap();
      expect(app.log.at(-1), JSON.stringify(ids)).toMatchObject({ errCode: code });
    }
  });

  it("maps the host's refusals to their errCodes (mixed kinds 20002, unknown template 20001)", async () => {
    const reasons = ['Templates type must be same', 'No template data return, verify the template id exist'];
    const { app, tap } = await launched({
      requestSubscribeMessage: async () => {
        throw new HostRefusal(reasons.shift() ?? 'x');
      },
    });
    app.ids.push('t1');
    await tap();
    expect(app.log.at(-1)).toEqual({
      errMsg: 'requestSubscribeMessage:fail Templates type must be same',
      errCode: 20002,
      errNo: 20002,
    });
    await tap();
    expect(app.log.at(-1)).toMatchObject({ errCode: 20001 });
  });
});
