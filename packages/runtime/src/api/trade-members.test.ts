import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';
import { createMemoryHost } from '../testing/memory-host.ts';
import type { HostCapabilities } from './host-capabilities.ts';
import { HostRefusal } from './host-capabilities.ts';

// tt.requestOrder / tt.getOrderPayment, headless: what reaches the host, and the answers the
// program gets. Titles name the members.
const page = `Page({
  onLoad() {
    var log = getApp().log;
    tt.requestOrder({ data: getApp().data, byteAuthorization: 'SHA256-RSA2048 appid="tt1"',
      success: function (r) { log.push(r);
        tt.getOrderPayment({ orderId: r.orderId,
          success: function (p) { log.push(p); }, fail: function (e) { log.push(e); } }); },
      fail: function (e) { log.push(e); } });
  },
});`;

async function launched(host: Partial<HostCapabilities>, data = '{"outOrderNo":"A1"}') {
  const t = logicHarness(
    { 'app.js': `App({ log: [], data: ${JSON.stringify(data)} });`, 'pages/index/index.js': page },
    { dialect: 'tt' },
    { ...createMemoryHost(), ...host },
  );
  await t.logic.launch();
  for (let i = 0; i < 8; i++) await t.tick();
  return (t.logic.getApp() as { log: Record<string, unknown>[] }).log;
}

describe('the trade system in the program', () => {
  it('tt.requestOrder hands data and byteAuthorization to the host, and tt.getOrderPayment pays the order it made', async () => {
    const asked: unknown[] = [];
    const log = await launched({
      requestOrder: async (o) => {
        asked.push(o);
        return { orderId: 'ord_1', itemOrderList: [{ itemOrderId: 'ord_1_1', skuId: 's', price: 100 }] };
      },
      getOrderPayment: async (o) => {
        asked.push(o);
        return { code: 0 };
      },
    });
    expect(asked).toEqual([
      { data: '{"outOrderNo":"A1"}', byteAuthorization: 'SHA256-RSA2048 appid="tt1"' },
      { orderId: 'ord_1' },
    ]);
    expect(log[0]).toMatchObject({ orderId: 'ord_1', errMsg: 'requestOrder:ok' });
    expect(log[1]).toEqual({ orderId: 'ord_1', errMsg: 'getOrderPayment:ok' });
  });

  it("tt.requestOrder fails with the platform's reason and its errNo; tt.getOrderPayment fails on a cancel", async () => {
    const refused = await launched({
      requestOrder: async () => {
        throw new HostRefusal('signature verification failed');
      },
    });
    expect(refused[0]).toMatchObject({
      errMsg: 'requestOrder:fail signature verification failed',
      errNo: 28001016,
    });
    const empty = await launched({}, '');
    expect(empty[0]).toMatchObject({ errMsg: 'requestOrder:fail invalid params', errNo: 28001005 });
    const cancelled = await launched({ getOrderPayment: async () => ({ code: 4 }) });
    expect(cancelled[1]).toMatchObject({ errMsg: 'getOrderPayment:fail cancel' });
  });
});
