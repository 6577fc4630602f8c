import { isPlainObject } from '../data/plain-data.ts';
import type { LaunchOptions, QueryRequest } from '../protocol/messages.ts';
import { absentMember } from './absent-member.ts';
import { ABSENT_MEMBERS } from './absent-members.ts';
import { unfilledAd } from './ad-members.ts';
import {
  type ApiResult,
  asyncApi,
  CodedApiError,
  failReason,
  hasCallbacks,
  settle,
} from './api-conventions.ts';
import type { ApiEvents } from './api-events.ts';
import { installAudioMembers } from './audio-members.ts';
import { installBaseMembers } from './base-members.ts';
import { installCanvasMembers } from './canvas/canvas-members.ts';
import { cloudNamespace } from './cloud-namespace.ts';
import { installContextMembers } from './context-members.ts';
import { openChat } from './customer-service-chat.ts';
import { installDeviceMembers } from './device-members.ts';
import { installFileMembers } from './files/file-members.ts';
import type { FileStore } from './files/file-store.ts';
import { installImageMembers } from './files/image-members.ts';
import { type InnerAudio, installVoiceMembers } from './files/voice-members.ts';
import type {
  AudioEvent,
  HostCapabilities,
  IntersectionEntry,
  SocketEvent,
  SystemInfo,
} from './host-capabilities.ts';
import { installIntersectionMembers } from './intersection-members.ts';
import { installMediaMembers } from './media-members.ts';
import { isImplemented } from './member-registry.ts';
import type { PerformanceLog } from './performance-log.ts';
import { installPhoneMembers } from './phone-members.ts';
import { installProgramMembers } from './program-members.ts';
import { installRecorderMembers } from './recorder-members.ts';
import { SelectorQuery } from './selector-query.ts';
import { installSensorMembers } from './sensor-members.ts';
import { installSocketMembers } from './socket-members.ts';
import type { StorageCache } from './storage-cache.ts';
import { installTradeMembers } from './trade-members.ts';
import type { UnloadAlerts } from './unload-alert.ts';

export type NavigationAction = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

/** What the API object needs from the logic layer. */
export interface ApiContext {
  host: HostCapabilities;
  storage: StorageCache;
  files: FileStore;
  appId: string;
  systemInfo(): SystemInfo;
  launchOptions(): LaunchOptions;
  enterOptions(): LaunchOptions;
  /** Runs a page-stack change; rejects with the reason after `:fail `. */
  navigate(
    action: NavigationAction,
    options: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined>;
  query(requests: QueryRequest[]): Promise<unknown[]>;
  currentPageId(): string | undefined;
  /** The page on top with its query (`pages/x/x?id=1`), as a chat's card names it. */
  currentPageUrl(): string | undefined;
  /** The pages that ask before the user leaves them by the back button. */
  unloadAlerts: UnloadAlerts;
  scopeOf(component: unknown): string | undefined;
  /** A mini program's callback threw. */
  report(error: unknown): void;
  /** Listeners of `wx.on<Event>`, fed by the logic layer and the host. */
  events: ApiEvents;
  performance: PerformanceLog;
  /** Built-in components the view renders (the container's registry), for `canIUse`. */
  components(): readonly string[];
  /** The package's subpackages (root and, from app.json, name): all shipped in the one package. */
  subpackages?(): readonly { root: string; name?: string }[];
  /** A line for the developer's console (log managers). */
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /**
   * Whether the user just acted (a tap, a payment's end): some APIs open a sheet only then.
   * Without it every call counts as user-initiated.
   */
  userActivation?: UserActivation;
}

/** The user's recent action, as the logic layer saw it. */
export interface UserActivation {
  active(): boolean;
  grant(): void;
}

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/**
 * Builds the `tt`/`wx` object. Both names get the same object, so a Douyin program
 * calling `wx.x` (or a WeChat program calling `tt.x`) works too.
 */
export function createApi(ctx: ApiContext): Api {
  const { host, storage, report } = ctx;
  const api: Api = {};
  const define = (name: string, run: (o: Options) => unknown) => {
    api[name] = asyncApi(name, run, report);
  };

  // ── storage ──
  // A sync write past the quota throws as on the platforms; a write the host refuses later
  // is undone in the cache and reported (StorageCache), never dropped silently.
  const sync = (name: string, write: () => Promise<void>) => {
    let pending: Promise<void>;
    try {
      pending = write();
    } catch (error) {
      throw Object.assign(new Error(`${name}:fail ${failReason(error)}`), {
        errMsg: `${name}:fail ${failReason(error)}`,
      });
    }
    // Already reported by the cache; the sync API has returned by now.
    pending.catch(() => undefined);
  };
  api.setStorageSync = (key: string, data: unknown) =>
    sync('setStorageSync', () => storage.set(String(key), data));
  api.getStorageSync = (key: string) => (storage.has(String(key)) ? storage.get(String(key)) : '');
  api.removeStorageSync = (key: string) => sync('removeStorageSync', () => storage.remove(String(key)));
  api.clearStorageSync = () => sync('clearStorageSync', () => storage.clear());
  api.getStorageInfoSync = () => storage.info();
  define('setStorage', async (o) => {
    await storage.set(str(o.key), o.data);
  });
  define('getStorage', (o) => {
    const key = str(o.key);
    if (!storage.has(key)) throw new Error('data not found');
    return { data: storage.get(key) };
  });
  define('removeStorage', async (o) => {
    await storage.remove(str(o.key));
  });
  define('clearStorage', async () => {
    await storage.clear();
  });
  define('getStorageInfo', () => storage.info());

  // ── network ──
  api.request = (options: Options = {}) => request(ctx, options);

  // ── interaction ──
  define('showToast', (o) =>
    host.showToast({
      title: str(o.title),
      icon: str(o.icon, 'success'),
      image: typeof o.image === 'string' ? o.image : undefined,
      duration: typeof o.duration === 'number' ? o.duration : 1500,
      mask: !!o.mask,
    }),
  );
  define('hideToast', () => host.hideToast());
  define('showLoading', (o) => host.showLoading({ title: str(o.title), mask: !!o.mask }));
  define('hideLoading', () => host.hideLoading());
  define('showModal', async (o) => {
    const res = await host.showModal({
      title: str(o.title),
      content: str(o.content),
      showCancel: o.showCancel !== false,
      cancelText: str(o.cancelText, '取消'),
      confirmText: str(o.confirmText, '确定'),
      editable: !!o.editable,
      placeholderText: typeof o.placeholderText === 'string' ? o.placeholderText : undefined,
    });
    return { ...res };
  });
  define('showActionSheet', async (o) => {
    const itemList = Array.isArray(o.itemList) ? o.itemList.map(String) : [];
    if (itemList.length === 0) throw new Error('parameter error: itemList should not be empty');
    return {
      ...(await host.showActionSheet({
        itemList,
        itemColor: typeof o.itemColor === 'string' ? o.itemColor : undefined,
      })),
    };
  });
  define('setNavigationBarTitle', (o) => host.setNavigationBarTitle({ title: str(o.title) }));
  define('setNavigationBarColor', (o) =>
    host.setNavigationBarColor({
      frontColor: str(o.frontColor, '#000000'),
      backgroundColor: str(o.backgroundColor, '#ffffff'),
    }),
  );
  define('startPullDownRefresh', () => host.startPullDownRefresh());
  define('getRendererUserAgent', () => host.rendererUserAgent());
  define('enableAlertBeforeUnload', (o) => {
    const page = ctx.currentPageId();
    if (!page) throw new Error('no page is shown');
    if (typeof o.message !== 'string' || o.message === '') throw new Error('message should not be empty');
    ctx.unloadAlerts.set(page, o.message);
  });
  define('disableAlertBeforeUnload', () => {
    const page = ctx.currentPageId();
    if (page) ctx.unloadAlerts.clear(page);
  });
  define('stopPullDownRefresh', () => host.stopPullDownRefresh());

  // ── system ──
  api.getSystemInfoSync = () => ({ ...ctx.systemInfo() });
  define('getSystemInfo', () => ({ ...ctx.systemInfo() }));
  api.getWindowInfo = () => {
    const s = ctx.systemInfo();
    return {
      pixelRatio: s.pixelRatio,
      screenWidth: s.screenWidth,
      screenHeight: s.screenHeight,
      windowWidth: s.windowWidth,
      windowHeight: s.windowHeight,
      statusBarHeight: s.statusBarHeight,
      safeArea: { ...s.safeArea },
    };
  };
  api.getLaunchOptionsSync = () => structuredLaunch(ctx.launchOptions());
  api.getEnterOptionsSync = () => structuredLaunch(ctx.enterOptions());
  api.getAccountInfoSync = () => ({ miniProgram: { appId: ctx.appId, envVersion: 'release', version: '' } });
  api.canIUse = (schema: string) => canIUse(String(schema), ctx.components());
  api.nextTick = (fn: () => void) => {
    Promise.resolve().then(() => {
      try {
        fn();
      } catch (error) {
        report(error);
      }
    });
  };

  // ── navigation ──
  for (const action of ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch'] as const) {
    define(action, (o) => ctx.navigate(action, o));
  }

  // ── view queries ──
  api.createSelectorQuery = () =>
    new SelectorQuery(
      ctx.query,
      ctx.currentPageId(),
      ctx.scopeOf,
      (result) => viewObjects.materialise(result),
      report,
    );

  // ── open capabilities ──
  define('login', (o) => host.login({ force: o.force !== false }));
  define('checkSession', () => host.checkSession());
  define('getUserProfile', (o) => host.getUserProfile({ desc: str(o.desc), lang: str(o.lang, 'en') }));
  define('getUserInfo', (o) => host.getUserProfile({ desc: '', lang: str(o.lang, 'en') }));
  define('pay', async (o) => {
    const orderInfo = isPlainObject(o.orderInfo) ? o.orderInfo : {};
    if (typeof orderInfo.order_id !== 'string' || typeof orderInfo.order_token !== 'string') {
      throw new Error('invalid orderInfo: order_id and order_token are required');
    }
    const result = await host.pay({
      orderInfo: { order_id: orderInfo.order_id, order_token: orderInfo.order_token },
      service: typeof o.service === 'number' ? o.service : 5,
    });
    // The payment's callbacks may ask for subscriptions, as on the platforms.
    ctx.userActivation?.grant();
    return result;
  });
  define('requestPayment', async (o) => {
    const { success: _s, fail: _f, complete: _c, ...rest } = o;
    try {
      await host.requestPayment(rest);
    } finally {
      ctx.userActivation?.grant();
    }
  });
  installTradeMembers(define, host, ctx.userActivation);
  define('requestSubscribeMessage', (o) => requestSubscribeMessage(host, o, ctx.userActivation));
  // WeChat's call (its corpId and extInfo name a WeCom desk; Plaza's chat is the app's own).
  define('openCustomerServiceChat', (o) =>
    openChat(
      host,
      {
        path: typeof o.sendMessagePath === 'string' ? o.sendMessagePath : undefined,
        title: typeof o.sendMessageTitle === 'string' ? o.sendMessageTitle : undefined,
        showCard: o.showMessageCard === undefined ? undefined : o.showMessageCard === true,
      },
      ctx.currentPageUrl,
    ),
  );
  define('getLocation', (o) => host.getLocation({ type: str(o.type, 'wgs84') }));
  installPhoneMembers(host, define);
  define('makePhoneCall', (o) => host.makePhoneCall({ phoneNumber: str(o.phoneNumber) }));
  define('setClipboardData', (o) => host.setClipboardData({ data: str(o.data) }));
  define('getClipboardData', () => host.getClipboardData());

  installBaseMembers(api, ctx, define);
  installDeviceMembers(api, ctx, define, ctx.events);
  installFileMembers(api, ctx.files, host, report);
  installImageMembers(define, ctx.files, host);
  installMediaMembers(api, ctx);
  const sockets = installSocketMembers(api, host, report);
  ctx.events.on('Socket', (event: unknown) => sockets.dispatch(event as SocketEvent));
  const audios = installAudioMembers(api, ctx, define);
  installVoiceMembers(api, define, ctx.files, host, () =>
    (api.createInnerAudioContext as () => InnerAudio)(),
  );
  ctx.events.on('Audio', (event: unknown) => audios.dispatch(event as AudioEvent));
  installSensorMembers(api, host, define, ctx.events);
  installProgramMembers(api, ctx, define);
  installRecorderMembers(api, define, ctx.files, host, ctx.events, report);
  const observers = installIntersectionMembers(api, ctx);
  ctx.events.on('Intersection', (entry: unknown) => observers.dispatch(entry as IntersectionEntry));

  const canvases = installCanvasMembers(api, ctx, define, ctx.files);
  const viewObjects = installContextMembers(api, ctx, canvases.nodeOf);

  api.cloud = cloudNamespace(report);
  api.createInterstitialAd = api.createRewardedVideoAd = (_options?: unknown) => unfilledAd(report);

  // Every other member the typings declare exists too, failing the platforms' way.
  for (const [name, shape] of Object.entries(ABSENT_MEMBERS)) {
    if (!(name in api)) api[name] = absentMember(name, shape, report);
  }
  return api;
}

/** The host's reasons for refusing a subscription request, with the dialects' errCodes. */
const subscribeFailures: Record<string, number> = {
  'No template data return, verify the template id exist': 20001,
  'Templates type must be same': 20002,
  'Templates count out of max bounds': 20003,
  'The main switch is switched off': 20004,
  'This mini program was banned from subscribing messages': 20005,
  'Request list fail': 10002,
  'Request subscribe fail': 10003,
};

/**
 * `requestSubscribeMessage`: at most 3 template ids, asked only right after a tap or a
 * payment; the answer per id, and Douyin's `templateSettings` for the accepted ones.
 */
async function requestSubscribeMessage(
  host: HostCapabilities,
  o: Options,
  activation: UserActivation | undefined,
): Promise<Record<string, unknown>> {
  if (!Array.isArray(o.tmplIds) || o.tmplIds.length === 0) {
    throw new CodedApiError(10001, "TmplIds can't be empty");
  }
  if (o.tmplIds.some((id) => typeof id !== 'string' || id === '')) {
    throw new CodedApiError(10004, 'Invalid template id');
  }
  const tmplIds = [...new Set(o.tmplIds as string[])];
  if (tmplIds.length > 3) throw new CodedApiError(20003, 'Templates count out of max bounds');
  if (activation && !activation.active()) {
    throw new CodedApiError(10005, 'can only be invoked by user TAP gesture.');
  }
  let results: Record<string, string>;
  try {
    results = await host.requestSubscribeMessage({ tmplIds });
  } catch (error) {
    const reason = failReason(error);
    const code = subscribeFailures[reason];
    throw code === undefined ? error : new CodedApiError(code, reason);
  }
  const templateSettings: Record<string, { status: string }> = {};
  for (const id of tmplIds) if (results[id] === 'accept') templateSettings[id] = { status: 'accept' };
  return { ...results, templateSettings };
}

function structuredLaunch(options: LaunchOptions): Record<string, unknown> {
  return {
    path: options.path ?? '',
    query: { ...(options.query ?? {}) },
    scene: options.scene ?? 1001,
    referrerInfo: { ...(options.referrerInfo ?? {}) },
  };
}

/** `canIUse('request')`, `canIUse('request.success.data')`, `canIUse('button.open-type.getPhoneNumber')`. */
function canIUse(schema: string, components: readonly string[]): boolean {
  const head = schema.replace(/^(wx|tt)\./, '').split('.')[0] ?? '';
  return isImplemented(head) || components.includes(head);
}

/** `request`: a RequestTask with callbacks, a Promise without, like the dialects. */
function request(ctx: ApiContext, options: Options): unknown {
  let aborted = false;
  let abort: (reason: Error) => void = () => undefined;
  const aborting = new Promise<never>((_, reject) => {
    abort = reject;
  });
  aborting.catch(() => undefined);
  const work = (async () => {
    const url = str(options.url);
    if (!/^https?:\/\//.test(url)) throw new Error(`invalid url "${url}"`);
    const header: Record<string, string> = {};
    if (isPlainObject(options.header))
      for (const [k, v] of Object.entries(options.header)) header[k] = String(v);
    const response = await Promise.race([
      ctx.host.request({
        url,
        method: str(options.method, 'GET').toUpperCase(),
        header,
        data: options.data,
        timeout: typeof options.timeout === 'number' ? options.timeout : undefined,
        responseType: options.responseType === 'arraybuffer' ? 'arraybuffer' : 'text',
      }),
      aborting,
    ]);
    if (aborted) throw new Error('abort');
    let data = response.data;
    if (str(options.dataType, 'json') === 'json' && typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        // Not JSON: the dialects hand back the text unchanged.
      }
    }
    return { data, statusCode: response.statusCode, header: response.header };
  })();
  const settled = settle('request', options, work, ctx.report);
  const task = {
    abort() {
      aborted = true;
      abort(new Error('abort'));
    },
    onHeadersReceived() {},
    offHeadersReceived() {},
  };
  return hasCallbacks(options) ? task : (settled as Promise<ApiResult>);
}

export { failReason };
