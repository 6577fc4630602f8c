import { isPlainObject } from '../data/plain-data.ts';
import { createAnimation } from './animation.ts';
import type { ApiContext } from './create-api.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

/** Where `wx.env.USER_DATA_PATH` points: the app's own files, per user. */
export const USER_DATA_PATH = 'ttfile://user';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function arrayBufferToBase64(buffer: unknown): string {
  const bytes =
    buffer instanceof ArrayBuffer
      ? new Uint8Array(buffer)
      : ArrayBuffer.isView(buffer)
        ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
        : new Uint8Array(0);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

export function base64ToArrayBuffer(text: unknown): ArrayBuffer {
  const clean = String(text ?? '').replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let n = 0;
  let bits = 0;
  let at = 0;
  for (const ch of clean) {
    n = (n << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (n >> bits) & 255;
    }
  }
  return bytes.buffer.slice(0, at);
}

/** Log and update managers, base64, random values, analytics, animation, the device's facts. */
export function installBaseMembers(api: Api, ctx: ApiContext, define: Define): void {
  const log = (level: 'info' | 'warn' | 'error' | 'log', args: unknown[]) =>
    ctx.log(level === 'log' ? 'info' : level, args.map(describe).join(' '));
  api.base64ToArrayBuffer = (text: unknown) => base64ToArrayBuffer(text);
  api.arrayBufferToBase64 = (buffer: unknown) => arrayBufferToBase64(buffer);
  define('getRandomValues', (o) => {
    const length = typeof o.length === 'number' ? Math.floor(o.length) : 0;
    if (length <= 0 || length > 65536) throw new Error('invalid length');
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return { randomValues: bytes.buffer };
  });
  api.env = Object.freeze({ USER_DATA_PATH });
  api.getLogManager = () => ({
    log: (...args: unknown[]) => log('log', args),
    info: (...args: unknown[]) => log('info', args),
    warn: (...args: unknown[]) => log('warn', args),
    debug: (...args: unknown[]) => log('info', args),
  });
  api.getRealtimeLogManager = () => {
    const manager = {
      info: (...args: unknown[]) => log('info', args),
      warn: (...args: unknown[]) => log('warn', args),
      error: (...args: unknown[]) => log('error', args),
      setFilterMsg: () => undefined,
      addFilterMsg: () => undefined,
      in: () => manager,
      getCurrentState: () => ({ size: 0, maxSize: 5 * 1024 * 1024, logCount: 0, maxLogCount: 10000 }),
      tag: (tag: string) => ({
        info: (...args: unknown[]) => log('info', [`[${tag}]`, ...args]),
        warn: (...args: unknown[]) => log('warn', [`[${tag}]`, ...args]),
        error: (...args: unknown[]) => log('error', [`[${tag}]`, ...args]),
        setFilterMsg: () => undefined,
        addFilterMsg: () => undefined,
      }),
    };
    return manager;
  };
  // A package is fixed for a whole launch: Plaza serves the newest version at the next one, so
  // the update manager reports that no update waits.
  api.getUpdateManager = () => ({
    onCheckForUpdate(listener: unknown) {
      if (typeof listener === 'function')
        Promise.resolve().then(() => call(ctx, listener, { hasUpdate: false }));
    },
    onUpdateReady: () => undefined,
    onUpdateFailed: () => undefined,
    applyUpdate: () => undefined,
  });
  api.getPerformance = () => ctx.performance.api();
  const analytics = (name: string) => (event: unknown, data: unknown) => {
    ctx.host
      .reportAnalytics({ event: String(event ?? ''), data: isPlainObject(data) ? { ...data } : {} })
      .catch((error: unknown) => ctx.log('warn', `${name}:fail ${(error as Error)?.message ?? error}`));
  };
  api.reportAnalytics = analytics('reportAnalytics');
  api.reportEvent = analytics('reportEvent');
  api.reportMonitor = (name: unknown, value: unknown) =>
    analytics('reportMonitor')('monitor', { name: String(name ?? ''), value: Number(value) || 0 });
  api.createAnimation = (options?: Options) => createAnimation(isPlainObject(options) ? options : {});

  // ── the device's facts, from the host's system info ──
  const info = () => ctx.systemInfo();
  api.getDeviceInfo = () => {
    const s = info();
    return {
      brand: s.brand,
      model: s.model,
      system: s.system,
      platform: s.platform,
      pixelRatio: s.pixelRatio,
      benchmarkLevel: -1,
    };
  };
  api.getAppBaseInfo = () => {
    const s = info();
    return {
      SDKVersion: s.SDKVersion,
      language: s.language,
      version: s.version,
      theme: 'light',
      enableDebug: false,
      host: { appId: '' },
    };
  };
  api.getSystemSetting = () => ({
    bluetoothEnabled: false,
    locationEnabled: true,
    wifiEnabled: true,
    deviceOrientation: 'portrait',
  });
  define('getSystemInfoAsync', () => ({ ...info() }));
  api.getEnvInfoSync = () => ({
    microapp: { mpVersion: '', envType: 'production', appId: ctx.appId },
    common: { USER_DATA_PATH },
  });
  api.getMenuButtonBoundingClientRect = () => menuButton(info().windowWidth, info().statusBarHeight);
  // Douyin's names for the capsule's place.
  api.getMenuButtonLayout = api.getMenuButtonBoundingClientRect;
  // The container draws everything in one web view: anything can be put over any component.
  api.canIPutStuffOverComponent = () => true;
}

/** The capsule's rectangle, where the shell draws it: 87×32 at the right of the navigation bar. */
export function menuButton(windowWidth: number, statusBarHeight: number) {
  const width = 87;
  const height = 32;
  const top = statusBarHeight + 6;
  const right = windowWidth - 7;
  return { width, height, top, right, bottom: top + height, left: right - width };
}

function call(ctx: ApiContext, listener: unknown, payload: unknown): void {
  try {
    (listener as (p: unknown) => void)(payload);
  } catch (error) {
    ctx.report(error);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
