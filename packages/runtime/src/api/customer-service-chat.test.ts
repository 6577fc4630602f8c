import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';
import { createMemoryHost } from '../testing/memory-host.ts';
import { HostRefusal } from './host-capabilities.ts';

// <button open-type="contact"> and wx.openCustomerServiceChat, headless: what the host is
// asked to open, the card defaulting to the page the user is on.
const page = `Page({
  onTap() {
    wx.openCustomerServiceChat({ extInfo: { url: '' }, corpId: '', showMessageCard: true,
      sendMessageTitle: 'Order A-1', sendMessagePath: '/pages/order/order?id=A-1',
      success: function (r) { getApp().log.push(r); }, fail: function (e) { getApp().log.push(e); } });
  },
  onPlain() {
    wx.openCustomerServiceChat({ extInfo: { url: '' }, corpId: '',
      success: function (r) { getApp().log.push(r); }, fail: function (e) { getApp().log.push(e); } });
  },
});`;

async function launched(refuse = false) {
  const opened: { path: string; title: string; showCard: boolean }[] = [];
  const t = logicHarness(
    { 'app.js': 'App({ log: [] });', 'pages/index/index.js': page },
    { dialect: 'wx' },
    {
      ...createMemoryHost(),
      openCustomerServiceChat: async (o) => {
        if (refuse) throw new HostRefusal('not signed in');
        opened.push(o);
      },
    },
  );
  await t.logic.launch({ path: 'pages/index/index', query: { orderId: 'A-7' } });
  const app = t.logic.getApp() as { log: Record<string, unknown>[] };
  const id = t.of('page.create')[0]!.instanceId;
  const call = async (handler: string) => {
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
  return { t, app, opened, call };
}

describe('customer service', () => {
  it('wx.openCustomerServiceChat opens the chat with the card it names, or the page the user is on', async () => {
    const { app, opened, call } = await launched();
    await call('onTap');
    await call('onPlain');
    expect(opened).toEqual([
      { path: 'pages/order/order?id=A-1', title: 'Order A-1', showCard: true },
      { path: 'pages/index/index?orderId=A-7', title: '', showCard: true },
    ]);
    expect(app.log).toEqual([
      { errMsg: 'openCustomerServiceChat:ok' },
      { errMsg: 'openCustomerServiceChat:ok' },
    ]);
  });

  it('fails the dialect way when the host refuses', async () => {
    const { app, call } = await launched(true);
    await call('onTap');
    expect(app.log[0]).toMatchObject({ errMsg: 'openCustomerServiceChat:fail not signed in' });
  });

  it('a contact button (view.contact) opens the chat from the page it is on', async () => {
    const { t, opened } = await launched();
    t.logic.receive({ v: 1, type: 'view.contact', title: 'Help', showCard: true });
    t.logic.receive({ v: 1, type: 'view.contact', path: 'pages/x/x', showCard: false });
    for (let i = 0; i < 5; i++) await t.tick();
    expect(opened).toEqual([
      { path: 'pages/index/index?orderId=A-7', title: 'Help', showCard: true },
      { path: 'pages/x/x', title: '', showCard: false },
    ]);
  });
});
