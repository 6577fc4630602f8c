import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import automator from 'miniprogram-automator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { main } from '../../main.ts';

// What the functions given to `evaluate` and `mockWxMethod` see: they run in the program's logic.
declare const wx: { request(options: Record<string, unknown>): void };
declare function getCurrentPages(): Array<{ route: string }>;
declare function getApp(): { globalData: Record<string, unknown> };

type MiniProgram = Awaited<ReturnType<typeof automator.connect>>;
type Driver = 'browser' | 'simulator';

const ROOT = new URL('../../../../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test-artifacts', 'automator');

/**
 * `plaza dev <dir> --auto-port 0 --auto-driver <driver>` in-process, as a user starts it;
 * resolves with the WebSocket endpoint it prints.
 */
async function plazaDev(dir: string, driver: Driver) {
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const out: string[] = [];
  const io = { cwd: ROOT, stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), stopped };
  const exit = main(['dev', dir, '--port', '0', '--auto-port', '0', '--auto-driver', driver], io);
  let endpoint: string | undefined;
  while (!endpoint) {
    const settled = await Promise.race([exit, new Promise((wake) => setTimeout(() => wake('running'), 20))]);
    if (settled !== 'running') throw new Error(`plaza dev ended with ${String(settled)}:\n${out.join('')}`);
    endpoint = /Automator \((?:browser|simulator)\): (ws:\/\/127\.0\.0\.1:\d+)/.exec(out.join(''))?.[1];
  }
  return {
    wsEndpoint: endpoint,
    out,
    async stop() {
      stop();
      expect(await exit).toBe(0);
    },
  };
}

/**
 * Connects the real client to `plaza dev` for the tests of one describe block, and stops both
 * after them.
 */
function connectedTo(dir: string, driver: Driver): { mp: MiniProgram } {
  const session = {} as { mp: MiniProgram; dev?: Awaited<ReturnType<typeof plazaDev>> };
  beforeAll(async () => {
    session.dev = await plazaDev(dir, driver);
    session.mp = await automator.connect({ wsEndpoint: session.dev.wsEndpoint });
  });
  afterAll(async () => {
    // As a spec ends: App.exit, Tool.close, and the socket closed.
    await session.mp?.close();
    await session.dev?.stop();
  });
  return session;
}

/** What the client may answer with `undefined` (no page yet), for a test that needs it. */
async function present<T>(value: Promise<T | undefined | null>): Promise<T> {
  const found = await value;
  if (found === undefined || found === null) throw new Error('the client answered with nothing');
  return found;
}

/** Polls what the program shows until it holds; fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 200; i++) {
    last = await read();
    if (holds(last)) return last;
    await new Promise((wake) => setTimeout(wake, 25));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}`);
}

async function screenshotOrRefusal(mp: MiniProgram, driver: Driver, name: string) {
  if (driver === 'simulator') {
    await expect(mp.screenshot()).rejects.toThrow(
      /App\.captureScreenshot is not offered by the simulator driver/,
    );
    return;
  }
  const png = Buffer.from((await mp.screenshot()) as string, 'base64');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), png);
}

describe.each<Driver>(['browser', 'simulator'])(
  'miniprogram-automator drives plaza dev (%s driver)',
  (driver) => {
    describe('the takeout example', () => {
      const session = connectedTo('examples/takeout', driver);

      it('reads the shop, taps a category and a dish, and reads the custom components', async () => {
        const { mp } = session;
        const shop = await present(mp.currentPage());
        expect(shop.path).toBe('pages/shop/shop');
        expect(await shop.data('shopName')).toBe('Plaza Noodle House');
        expect((await mp.pageStack()).map((p) => p.path)).toEqual(['pages/shop/shop']);

        const categories = await shop.$$('.category');
        expect(await categories[1]!.text()).toMatch(/Rice bowls/);
        await categories[1]!.tap();
        expect(await shop.data('activeCategoryId')).toBe('rice');
        expect(await categories[1]!.attribute('class')).toBe('category category--active');
        await categories[0]!.tap();

        const [card] = await shop.$$('dish-card');
        expect(card!.tagName).toBe('dish-card');
        const dish = card as unknown as {
          data(path?: string): Promise<unknown>;
          callMethod(name: string, ...args: unknown[]): Promise<unknown>;
        };
        expect(await dish.data('dish.name')).toBe('Braised beef noodles');
        await (await card!.$('.stepper__plus'))!.tap();
        const bar = (await shop.$('cart-bar')) as unknown as typeof dish & { wxml(): Promise<string> };
        expect(await bar.data('cartCount')).toBe(1);
        await dish.callMethod('onPlus');
        expect(await bar.data('cartCount')).toBe(2);
        expect(await bar.wxml()).toContain('<text class="cart-bar__total">¥56.00</text>');
        expect(await (await shop.$('.stepper__count'))!.text()).toBe('2');
      });

      it('navigates through wx, types a remark, and pays against a mocked wx.request', async () => {
        const { mp } = session;
        await mp.mockWxMethod('request', function (this: unknown, options: { url: string; data: unknown }) {
          const seen = getApp().globalData;
          seen.requests = [...((seen.requests as unknown[]) ?? []), { url: options.url, data: options.data }];
          return options.url.endsWith('/api/session')
            ? { statusCode: 200, data: { token: 'session-1' }, header: {} }
            : {
                statusCode: 201,
                data: { orderId: 'o-42', orderToken: 'ot-42', totalCents: 5600 },
                header: {},
              };
        });
        const confirm = await present(mp.navigateTo('/pages/confirm/confirm'));
        expect(confirm.path).toBe('pages/confirm/confirm');
        expect(await confirm.data('count')).toBe(2);

        const remark = (await confirm.$('.confirm__remark')) as unknown as {
          tagName: string;
          input(text: string): Promise<void>;
          value(): Promise<unknown>;
        };
        expect(remark.tagName).toBe('input');
        await remark.input('No coriander');
        expect(await confirm.data('remark')).toBe('No coriander');
        expect(await remark.value()).toBe('No coriander');

        await (await confirm.$('.confirm__submit'))!.tap();
        const result = await present(
          eventually(
            () => mp.currentPage(),
            (page) => page?.path === 'pages/result/result',
            'the result page',
          ),
        );
        expect(await result.data()).toMatchObject({ status: 'paid', orderId: 'o-42', totalText: '¥56.00' });
        const orders = (await mp.callWxMethod('getStorageSync', 'takeout.orders')) as Array<{
          remark: string;
        }>;
        expect(orders[0]).toMatchObject({ id: 'o-42', remark: 'No coriander' });
        expect(await mp.evaluate(() => getApp().globalData.requests)).toEqual([
          { url: 'https://takeout.example.com/api/session', data: { code: expect.any(String) } },
          {
            url: 'https://takeout.example.com/api/orders',
            data: {
              items: [{ dishId: 'beef-noodles', quantity: 2 }],
              remark: 'No coriander',
              totalCents: 5600,
            },
          },
          // The paid result page asks the shop for its order-status message template.
          { url: 'https://takeout.example.com/api/config' },
        ]);
        await screenshotOrRefusal(mp, driver, 'takeout-result');
        await mp.restoreWxMethod('request');
      });

      it('sets page data, calls page methods, evaluates in the logic and reports its console', async () => {
        const { mp } = session;
        const shop = await present(mp.reLaunch('/pages/shop/shop'));
        expect(shop.path).toBe('pages/shop/shop');
        await shop.setData({ shopName: 'Renamed by the test' });
        expect(await (await shop.$('.shop__name'))!.text()).toBe('Renamed by the test');
        await shop.callMethod('onSelectCategory', { currentTarget: { dataset: { id: 'drinks' } } });
        expect(await shop.data('activeCategoryId')).toBe('drinks');
        expect(await mp.evaluate((a: number, b: number) => getCurrentPages().length + a + b, 1, 2)).toBe(4);

        const logs: Array<{ type: string; args: string[] }> = [];
        mp.on('console', (entry) => logs.push(entry as (typeof logs)[number]));
        await mp.evaluate(() => console.warn('hello from the spec'));
        await eventually(
          async () => logs,
          (seen) => seen.some((l) => l.type === 'warn' && l.args.includes('hello from the spec')),
          'the console event',
        );
        const thrown: Array<{ message: string }> = [];
        mp.on('exception', (error) => thrown.push(error as (typeof thrown)[number]));
        await mp.evaluate(() => {
          setTimeout(() => {
            throw new Error('thrown later by the spec');
          }, 0);
        });
        await eventually(
          async () => thrown,
          (seen) => seen.some((e) => e.message.includes('thrown later by the spec')),
          'the exception event',
        );
        await expect(shop.callMethod('noSuchMethod')).rejects.toThrow(/has no method "noSuchMethod"/);
        await expect(mp.evaluate('function ( {')).rejects.toThrow(/^Bad params for the call/);
        expect(await shop.data('activeCategoryId')).toBe('drinks');
      });
    });

    describe('the wx component gallery', () => {
      const session = connectedTo('packages/container/component-gallery', driver);

      it('taps buttons, fires component events and reads the page', async () => {
        const { mp } = session;
        const page = await present(mp.currentPage());
        expect(page.path).toBe('pages/index/index');
        expect(await page.data('title')).toBe('Component gallery');
        await (await page.$('#show-modal'))!.tap();
        expect(await page.data('modal')).toBe(true);
        await (await page.$('#modal'))!.trigger('confirm');
        // The state is a log of what happened: the cover image and the editor report their own loads.
        expect(await page.data('modal')).toBe(false);
        expect(await page.data('state')).toContain('modal confirm;');
        await (await page.$('#editor'))!.trigger('input', { text: 'typed ' });
        // The actions, in order; the page also logs its components' own loads and animation
        // steps, whenever they happen.
        const logged = (await (await page.$('#state'))!.text()).split(';');
        expect(logged.filter((e) => e === 'modal confirm' || e.startsWith('editor input'))).toEqual([
          'modal confirm',
          'editor input typed',
        ]);
        const buttons = await page.$$('button');
        expect(buttons.length).toBeGreaterThanOrEqual(6);
        expect(await (await page.$('#show-toast'))!.outerWxml()).toMatch(
          /^<button [^>]*id="show-toast"[^>]*>toast<\/button>$/,
        );
      });

      it('reads and sets a custom component with a virtual host', async () => {
        const { mp } = session;
        const page = await present(mp.currentPage());
        const item = (await page.$('#v1')) as unknown as {
          tagName: string;
          data(path?: string): Promise<unknown>;
          setData(data: Record<string, unknown>): Promise<void>;
          wxml(): Promise<string>;
        };
        expect(item.tagName).toBe('virtual-item');
        expect(await item.data('name')).toBe('one');
        await item.setData({ name: 'uno' });
        expect(await item.wxml()).toBe('<view class="cell">uno</view>');
      });

      it('navigates with wx, mocks wx.request, and shows what it renders', async () => {
        const { mp } = session;
        const second = await present(mp.navigateTo('/pages/index/index?camera=0'));
        expect((await mp.pageStack()).length).toBe(2);
        expect(second.query).toEqual({ camera: '0' });
        const back = await present(mp.navigateBack());
        expect(back.path).toBe('pages/index/index');
        expect(await mp.pageStack()).toHaveLength(1);

        await mp.mockWxMethod('request', { statusCode: 200, data: { hello: 'mocked' }, header: {} });
        const answer = await mp.evaluate(
          () =>
            new Promise((done) =>
              wx.request({ url: 'https://api.example.com/x', success: done, fail: done }),
            ),
        );
        expect(answer).toEqual({ statusCode: 200, data: { hello: 'mocked' }, header: {} });
        await mp.restoreWxMethod('request');
        const refused = (await mp.evaluate(
          () =>
            new Promise((done) =>
              wx.request({ url: 'https://api.example.com/x', success: done, fail: done }),
            ),
        )) as { errMsg: string };
        expect(refused.errMsg).toMatch(/^request:fail/);

        // WeChat's own example: a synchronous member mocked with a function and an extra argument.
        await mp.mockWxMethod(
          'getStorageSync',
          (key: string, fallback: string) => (key === 'name' ? 'redhoodsu' : fallback),
          'unknown',
        );
        expect(await mp.callWxMethod('getStorageSync', 'name')).toBe('redhoodsu');
        expect(await mp.callWxMethod('getStorageSync', 'sex')).toBe('unknown');
        await mp.restoreWxMethod('getStorageSync');
        expect(await mp.callWxMethod('getStorageSync', 'name')).toBe('');

        const state = await page$(mp, '#state');
        if (driver === 'browser') {
          expect((await state.offset()).top).toBeGreaterThan(0);
          expect(await state.style('display')).toBe('block');
          const size = await (await present(mp.currentPage())).size();
          expect(size.height).toBeGreaterThan(800);
        } else {
          await expect(state.offset()).rejects.toThrow(
            /Element\.getOffset is not offered by the simulator driver/,
          );
        }
        await screenshotOrRefusal(mp, driver, 'gallery');
      });
    });
  },
);

async function page$(mp: MiniProgram, selector: string) {
  const element = await (await present(mp.currentPage())).$(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

describe('plaza dev --auto-port and --auto-driver', () => {
  const run = async (args: string[]) => {
    const printed: string[] = [];
    const io = {
      cwd: ROOT,
      stdout: (t: string) => printed.push(t),
      stderr: (t: string) => printed.push(t),
      stopped: Promise.resolve(),
    };
    return {
      exit: await main(['dev', 'examples/takeout', '--port', '0', ...args], io),
      printed: printed.join(''),
    };
  };

  it('refuses a malformed port, an unknown driver, and a port another process holds', async () => {
    expect(await run(['--auto-port', '94x'])).toMatchObject({
      exit: 1,
      printed: expect.stringContaining('--port must be a whole number from 0 to 65535, not "94x"'),
    });
    expect(await run(['--auto-port', '0', '--auto-driver', 'devtools'])).toMatchObject({
      exit: 1,
      printed: expect.stringContaining('--auto-driver must be "browser" or "simulator", not "devtools"'),
    });
    const holder = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((listening) => holder.once('listening', listening));
    const { port } = holder.address() as AddressInfo;
    const taken = await run(['--auto-port', String(port), '--auto-driver', 'simulator']);
    holder.close();
    expect(taken).toMatchObject({
      exit: 1,
      printed: expect.stringContaining(`--auto-port ${port} is in use`),
    });
  });
});
