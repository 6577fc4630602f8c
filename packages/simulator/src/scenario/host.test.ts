import { HOST_METHODS, type HostMethod } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { scenarioHost } from './host.ts';

/** What a headless run cannot do: no sensors, battery, microphone, geolocation, chrome or menu. */
const DEVICELESS = new Set<HostMethod>([
  'sensor',
  'getBatteryInfo',
  'recorder',
  'locationUpdates',
  'addCalendarEvent',
  'hideHomeButton',
  'shareMenu',
  'chooseLicensePlate',
  'restart',
  'openAppAuthorizeSetting',
  'copyPageLink',
  'soterAuthentication',
  'cropImage',
  'videoInfo',
]);

/** The least each capability needs to be called. */
const minimal: Partial<Record<HostMethod, unknown[]>> = {
  setStorage: ['k', 1],
  removeStorage: ['k'],
  request: [{ url: 'https://api.example.com/ping' }],
  showToast: [{ title: 't' }],
  showModal: [{ title: 'm' }],
  showActionSheet: [{ itemList: ['a'] }],
  setNavigationBarTitle: [{ title: 'x' }],
  pay: [{ orderInfo: {} }],
  requestPayment: [{}],
  requestSubscribeMessage: [{ tmplIds: ['t1'] }],
  makePhoneCall: [{ phoneNumber: '1' }],
  setClipboardData: [{ data: 'x' }],
  authorize: [{ scope: 'scope.camera' }],
  vibrate: [{ type: 'short' }],
  writeFile: [{ path: 'ttfile://user/a', data: 'eA==', createTime: 1 }],
  removeFile: [{ path: 'ttfile://user/a' }],
  download: [{ url: 'https://api.example.com/ping', header: {} }],
  upload: [
    { url: 'https://api.example.com/ping', header: {}, name: 'f', fileName: 'a', data: '', formData: {} },
  ],
  updateTabBar: [{ kind: 'visible', visible: true }],
  viewCommand: [{ kind: 'blur' }],
  audioCommand: [
    {
      id: 1,
      action: 'play',
      props: { src: '', startTime: 0, autoplay: false, loop: false, volume: 1, playbackRate: 1 },
    },
  ],
  scanCode: [{ onlyFromCamera: false, scanType: ['qrCode'] }],
  openLocation: [{ latitude: 1, longitude: 1 }],
  showDouyinOpenAuth: [{ scopes: { 'video.list': 0 } }],
  navigateToMiniProgram: [{ appId: 'a', path: '', extraData: {} }],
  previewImage: [{ urls: ['https://img.example/a.png'], current: 'https://img.example/a.png' }],
  getImageInfo: [{ src: 'https://img.example/a.png' }],
  compressImage: [{ src: 'data:image/png;base64,eA==', quality: 80 }],
  saveImage: [{ data: '', name: 'a.png' }],
  chooseFiles: [{ accept: 'image/*', count: 1 }],
  socketConnect: [{ id: 1, url: 'wss://chat.example/ws', protocols: [] }],
  socketSend: [{ id: 1, text: 'x' }],
  socketClose: [{ id: 1, code: 1000, reason: '' }],
  reportAnalytics: [{ event: 'e', data: {} }],
};

describe('scenario host', () => {
  it('answers every host capability by default, and logs each call; refuses what needs a device or a screen', async () => {
    const { host, calls } = scenarioHost({
      requests: { '/ping': { pong: true }, 'POST /ping': { ok: true } },
      sockets: { 'wss://chat.example/ws': () => undefined },
      images: { 'https://img.example/a.png': { width: 1, height: 1 } },
      chooseFiles: [{ name: 'a.png', type: 'image/png', content: 'x' }],
      scan: 'x',
      location: { name: '', address: '', latitude: 0, longitude: 0 },
      address: {},
    });
    await host.login({});
    for (const method of HOST_METHODS) {
      const call = host[method] as (...args: unknown[]) => Promise<unknown>;
      if (DEVICELESS.has(method))
        await expect(call(...(minimal[method] ?? [{}])), method).rejects.toThrow('not supported');
      else await expect(call(...(minimal[method] ?? [{}])), method).resolves.not.toBeInstanceOf(Error);
    }
    const logged = new Set(calls.filter((c) => c.ok).map((c) => c.api));
    expect(HOST_METHODS.filter((m) => m !== 'loadStorage' && !DEVICELESS.has(m) && !logged.has(m))).toEqual(
      [],
    );
  });

  it('answers login with the scenario code, or refuses it', async () => {
    const { host, calls } = scenarioHost({ login: { code: 'abc' } });
    await expect(host.login({ force: true })).resolves.toMatchObject({ code: 'abc', isLogin: true });
    await expect(scenarioHost({ login: 'denied' }).host.login({})).rejects.toThrow('auth deny');
    expect(calls).toEqual([
      { api: 'login', params: { force: true }, ok: true, result: expect.objectContaining({ code: 'abc' }) },
    ]);
  });

  it('maps payment outcomes to the tt cashier codes and to wx failures', async () => {
    const order = { orderInfo: { order_id: 'o', order_token: 't' }, service: 5 };
    const codes = [];
    for (const payment of ['paid', 'timeout', 'failed', 'closed', 'cancelled'] as const) {
      codes.push((await scenarioHost({ payment }).host.pay(order)).code);
    }
    expect(codes).toEqual([0, 1, 2, 3, 4]);
    await expect(scenarioHost({ payment: 'cancelled' }).host.requestPayment({})).rejects.toThrow('cancel');
    await expect(scenarioHost({ payment: 'paid' }).host.requestPayment({})).resolves.toBeUndefined();
    const byOrder = scenarioHost({
      payment: (o) => ((o.orderInfo as { order_id: string }).order_id === 'o' ? 'failed' : 'paid'),
    });
    expect((await byOrder.host.pay(order)).code).toBe(2);
  });

  it('routes requests by method and path or full URL, parsing JSON bodies', async () => {
    const { host } = scenarioHost({
      requests: {
        'POST /api/orders': (req) => ({
          status: 201,
          body: { got: req.body, auth: req.headers.authorization, q: req.query },
        }),
        'https://cdn.example.com/menu.json': { dishes: [] },
      },
    });
    const created = await host.request({
      url: 'https://shop.example.com/api/orders?src=feed',
      method: 'post',
      header: { Authorization: 'Bearer t' },
      data: '{"n":1}',
    });
    expect(created).toEqual({
      statusCode: 201,
      header: { 'content-type': 'application/json' },
      data: { got: { n: 1 }, auth: 'Bearer t', q: { src: 'feed' } },
    });
    const menu = await host.request({ url: 'https://cdn.example.com/menu.json', method: 'GET', header: {} });
    expect(menu.data).toEqual({ dishes: [] });
    await expect(
      host.request({ url: 'https://other.example.com/x', method: 'GET', header: {} }),
    ).rejects.toThrow('no scenario handler for GET https://other.example.com/x');
  });

  it('seeds storage, answers modals and action sheets, and records the UI the user saw', async () => {
    const { host, ui, storage } = scenarioHost({ storage: { token: 't1' }, modal: 'cancel', actionSheet: 2 });
    expect(await host.loadStorage()).toEqual({ token: 't1' });
    await host.setStorage('cart', [1]);
    expect(storage.get('cart')).toEqual([1]);
    expect(await host.showModal({ title: 'Sure?' })).toEqual({ confirm: false, cancel: true });
    expect(await host.showActionSheet({ itemList: ['a', 'b', 'c'] })).toEqual({ tapIndex: 2 });
    await host.showToast({ title: 'Saved' });
    await host.setNavigationBarTitle({ title: 'Cart' });
    expect(ui).toMatchObject({
      toasts: ['Saved'],
      modals: [{ title: 'Sure?', answer: 'cancel' }],
      navigationBarTitle: 'Cart',
    });
  });

  it('lets a scenario replace any capability', async () => {
    const { host, calls } = scenarioHost({
      systemInfo: { windowWidth: 414 },
      apis: { getLocation: () => ({ latitude: 1, longitude: 2 }) },
    });
    expect((await host.getSystemInfo()).windowWidth).toBe(414);
    expect(await host.getLocation({})).toEqual({ latitude: 1, longitude: 2 });
    expect(calls.map((c) => c.api)).toEqual(['getSystemInfo', 'getLocation']);
  });
});
