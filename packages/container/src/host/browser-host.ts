import {
  type HostCapabilities,
  HostRefusal,
  type HostRequest,
  type HostResponse,
  STORAGE_FULL,
  StorageQuota,
  type SystemInfo,
} from '@plaza/runtime';
import { chromeColour } from '../shell/chrome-values.ts';
import type { HostUi } from '../shell/host-ui.ts';
import type { AppStore } from './app-store.ts';
import {
  type AppPermissions,
  allowedOrigins,
  type ConsentRequest,
  checkRequestUrl,
  declaredScope,
} from './permissions.ts';

/** The navigation chrome the shell draws, as the host capabilities drive it. */
export interface Chrome {
  setTitle(title: string): void;
  setColors(frontColor: string, backgroundColor: string): void;
  setPullDown(active: boolean): void;
  systemInfo(): SystemInfo;
}

export interface HostContext {
  appId: string;
  userId: string;
  appName: string;
  /** Whether the user has just acted on the page (a tap inside a frame counts for the host page too). */
  userGesture: () => boolean;
  /** The app's icon as the super app lists it, for the host's consent sheet. */
  appIcon?: string;
  appConfig: Record<string, unknown>;
  permissions: AppPermissions;
  ui: HostUi;
  chrome: Chrome;
  /** The host's own storage (remembered consents). */
  storage: Storage | undefined;
  /** The app's storage, per app and user, apart from the host's. */
  appStore: AppStore | undefined;
  /** Overrides the built-in consent sheet. */
  consent?: (request: ConsentRequest) => Promise<boolean>;
}

const unsupported = (what: string) => () =>
  Promise.reject(new HostRefusal(`${what} is not supported by this host`));

/**
 * What the container answers by itself when the embedding page does not: storage per app and
 * user, requests with `fetch`, the host's sheets and toasts, the navigation chrome, the screen.
 * Login, payment and other account capabilities belong to the super app and are refused here.
 */
export function browserHost(ctx: HostContext): HostCapabilities {
  const store = ctx.appStore;
  // Counted here as well as in the logic layer: the program's code runs there.
  const quota = new StorageQuota();
  let loaded: Promise<void> | undefined;
  const entries = () => {
    loaded ??= (async () => {
      for (const [key, json] of (await store?.load()) ?? []) quota.put(key, json);
    })();
    return loaded;
  };
  return {
    async loadStorage() {
      const values: Record<string, unknown> = {};
      for (const [key, json] of (await store?.load()) ?? []) {
        try {
          values[key] = JSON.parse(json);
        } catch {
          // A value this container did not write: not the app's.
        }
      }
      return values;
    },
    async setStorage(key, value) {
      if (!store) throw new HostRefusal('storage is not available');
      await entries();
      const json = JSON.stringify(value) ?? 'null';
      try {
        quota.check(key, json);
      } catch {
        throw new HostRefusal(STORAGE_FULL);
      }
      await store.put(key, json);
      quota.put(key, json);
    },
    async removeStorage(key) {
      await entries();
      await store?.delete(key);
      quota.remove(key);
    },
    async clearStorage() {
      await entries();
      await store?.clear();
      quota.clear();
    },
    request: (options) => fetchRequest(options),
    async showToast(options) {
      ctx.ui.showToast(options);
    },
    async hideToast() {
      ctx.ui.hideToast();
    },
    async showLoading(options) {
      ctx.ui.showToast({ title: options.title, mask: options.mask }, true);
    },
    async hideLoading() {
      ctx.ui.hideToast();
    },
    showModal: (options) => ctx.ui.showModal(options),
    showActionSheet: (options) => ctx.ui.showActionSheet(options),
    async setNavigationBarTitle(options) {
      ctx.chrome.setTitle(options.title);
    },
    async setNavigationBarColor(options) {
      ctx.chrome.setColors(options.frontColor, options.backgroundColor);
    },
    async startPullDownRefresh() {
      ctx.chrome.setPullDown(true);
    },
    async stopPullDownRefresh() {
      ctx.chrome.setPullDown(false);
    },
    getSystemInfo: async () => ctx.chrome.systemInfo(),
    login: unsupported('login'),
    checkSession: unsupported('checkSession'),
    getUserProfile: unsupported('getUserProfile'),
    getPhoneNumber: unsupported('getPhoneNumber'),
    pay: unsupported('pay'),
    requestPayment: unsupported('requestPayment'),
    requestSubscribeMessage: unsupported('requestSubscribeMessage'),
    getLocation: unsupported('getLocation'),
    makePhoneCall: unsupported('makePhoneCall'),
    async setClipboardData(options) {
      await navigator.clipboard?.writeText(options.data);
    },
    async getClipboardData() {
      return { data: (await navigator.clipboard?.readText()) ?? '' };
    },
  };
}

async function fetchRequest(options: HostRequest): Promise<HostResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout ?? 60_000);
  try {
    const method = options.method.toUpperCase();
    const hasBody = options.data !== undefined && method !== 'GET' && method !== 'HEAD';
    const response = await fetch(options.url, {
      method,
      headers: options.header,
      body: hasBody
        ? typeof options.data === 'string'
          ? options.data
          : JSON.stringify(options.data)
        : undefined,
      credentials: 'omit',
      signal: controller.signal,
    });
    const header: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      header[name] = value;
    });
    const text = await response.text();
    let data: unknown = text;
    if (options.responseType !== 'arraybuffer') {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    return { statusCode: response.status, header, data };
  } catch (error) {
    throw new HostRefusal(
      controller.signal.aborted ? 'timeout' : `request failed: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

const consentKey = (ctx: HostContext, scope: string) => `plaza-consent:${ctx.appId}:${ctx.userId}:${scope}`;

/** The user's remembered answer for `scope` of this app: true, false, or undefined when never asked. */
export function rememberedConsent(ctx: HostContext, scope: string): boolean | undefined {
  const remembered = ctx.storage?.getItem(consentKey(ctx, scope));
  return remembered ? remembered === 'allow' : undefined;
}

/** Asks the user for `scope` once per app and user, remembering the answer. */
export async function askConsent(ctx: HostContext, scope: string, reason: string): Promise<boolean> {
  const remembered = rememberedConsent(ctx, scope);
  if (remembered !== undefined) return remembered;
  const allowed = await (ctx.consent
    ? ctx.consent({ appId: ctx.appId, scope, reason })
    : ctx.ui.askConsent({ name: ctx.appName, icon: ctx.appIcon }, scope, reason));
  ctx.storage?.setItem(consentKey(ctx, scope), allowed ? 'allow' : 'deny');
  return allowed;
}

/**
 * The permission gate in front of every capability, whoever implements it: requests only to
 * the app's domains, personal data only for scopes the app declared and the user allowed
 * (asked once, the answer remembered per app and user).
 */
export function gatedHost(inner: HostCapabilities, ctx: HostContext): HostCapabilities {
  const origins = allowedOrigins(ctx.permissions.requestDomains);
  const consentGiven = async (method: string) => {
    const needed = declaredScope(method, ctx.appConfig);
    if (!needed) return;
    if (!(await askConsent(ctx, needed.scope, needed.reason))) throw new HostRefusal('auth deny');
  };
  return {
    ...inner,
    request: async (options) => {
      checkRequestUrl(options.url, origins);
      return inner.request(options);
    },
    getLocation: async (options) => {
      await consentGiven('getLocation');
      return inner.getLocation(options);
    },
    getClipboardData: async () => {
      await consentGiven('getClipboardData');
      return inner.getClipboardData();
    },
    // As on the platforms, the clipboard is written only in answer to the user (a tap).
    setClipboardData: async (options) => {
      if (!ctx.userGesture()) throw new HostRefusal('user gesture required');
      return inner.setClipboardData(options);
    },
    // The colours end up in the host page's CSS: only colours get there.
    setNavigationBarColor: async (options) => {
      const front = options.frontColor?.toLowerCase();
      if (front !== '#ffffff' && front !== '#000000') throw new HostRefusal('invalid frontColor');
      if (chromeColour(options.backgroundColor) === undefined)
        throw new HostRefusal('invalid backgroundColor');
      return inner.setNavigationBarColor(options);
    },
  };
}
