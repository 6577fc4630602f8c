import {
  type AudioEvent,
  type HostCapabilities,
  HostRefusal,
  type HostRequest,
  type HostResponse,
  type Location,
  type RecorderEvent,
  type SensorReading,
  type SocketEvent,
  STORAGE_FULL,
  StorageQuota,
  type SystemInfo,
  type TabBarChange,
  type ViewCommand,
} from '@plaza/runtime';
import { chromeColour } from '../shell/chrome-values.ts';
import type { HostUi } from '../shell/host-ui.ts';
import { askAddress } from './address-sheet.ts';
import { showAppAuthorizeSetting } from './app-authorize-sheet.ts';
import type { AppStore } from './app-store.ts';
import { audioPlayer } from './audio-player.ts';
import { calendarFile } from './calendar-file.ts';
import { cropImage } from './crop-sheet.ts';
import { currentLocation, locationFollower } from './geolocation.ts';
import { chooseFiles, compressImage, imageInfo, offerDownload, previewImages } from './image-sheets.ts';
import { askLicensePlate } from './licence-plate.ts';
import { microphoneRecorder } from './microphone-recorder.ts';
import { batteryInfo, motionSensors } from './motion-sensors.ts';
import {
  type AppPermissions,
  allowedOrigins,
  allowedSocketOrigins,
  type ConsentRequest,
  checkRequestUrl,
  checkSocketUrl,
  declaredScope,
  PRIVACY_SCOPES,
} from './permissions.ts';
import { soterAuthentication } from './soter-authentication.ts';
import { videoInfo } from './video-info.ts';

/** The navigation chrome the shell draws, as the host capabilities drive it. */
export interface Chrome {
  setTitle(title: string): void;
  setColors(frontColor: string, backgroundColor: string): void;
  setPullDown(active: boolean): void;
  setLoading(loading: boolean): void;
  /** Takes the home button off the page on top. */
  hideHomeButton(): void;
  /** Runs a command on the page on top; rejects with the reason it failed. */
  viewCommand(command: ViewCommand): Promise<unknown>;
  /** Applies a tab-bar change; the reason it cannot, or nothing. */
  changeTabBar(change: TabBarChange): string | undefined;
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
  /** The app's files (`saveFile`, the file system manager), per app and user, apart from the host's. */
  fileStore: AppStore | undefined;
  /** Starts the program again at a page (`pages/index/index?from=restart`); false when it has no such page. */
  restart(path: string): boolean;
  /** Shows or hides Share in the menu of the page on top (undefined: as it is), with its settings. */
  shareMenu(shown: boolean | undefined, settings: Record<string, unknown>): void;
  /**
   * The link that opens `path` with `query`, while the user's Copy link in the menu waits for it
   * (undefined otherwise: the program cannot write the clipboard by itself).
   */
  copiedLink(path: string, query: string): string | undefined;
  /** Overrides the built-in consent sheet. */
  consent?: (request: ConsentRequest) => Promise<boolean>;
  /** Hands the program an event the host saw (a socket's message…). */
  emit(
    event: 'Socket' | 'Audio' | 'Sensor' | 'Recorder' | 'LocationChange' | 'LocationChangeError',
    payload: SocketEvent | AudioEvent | SensorReading | RecorderEvent | Location | Record<string, unknown>,
  ): void;
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
  let audio: HostCapabilities['audioCommand'] | undefined;
  let sensors: HostCapabilities['sensor'] | undefined;
  let microphone: HostCapabilities['recorder'] | undefined;
  let follower: HostCapabilities['locationUpdates'] | undefined;
  const view = () => ctx.ui.layer.ownerDocument.defaultView;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    // The queue only orders the writes; each caller gets its own outcome from `next`.
    queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
  const files = ctx.fileStore;
  let fileSizes: Map<string, number> | undefined;
  const fileIndex = async () => {
    if (!fileSizes) {
      const sizes = new Map<string, number>();
      for (const [path, json] of (await files?.load()) ?? []) {
        const record = parseFileRecord(json);
        if (record) sizes.set(path, record.data.length);
      }
      fileSizes = sizes;
    }
    return fileSizes;
  };
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
    // Each write is checked and made in turn: two writes racing past one check would share the quota.
    setStorage: (key, value) =>
      inTurn(async () => {
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
      }),
    removeStorage: (key) =>
      inTurn(async () => {
        await entries();
        await store?.delete(key);
        quota.remove(key);
      }),
    clearStorage: () =>
      inTurn(async () => {
        await entries();
        await store?.clear();
        quota.clear();
      }),
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
    requestOrder: unsupported('requestOrder'),
    getOrderPayment: unsupported('getOrderPayment'),
    requestSubscribeMessage: unsupported('requestSubscribeMessage'),
    // The host page's geolocation, behind the browser's own permission and the app's consent.
    getLocation: (options) => currentLocation(view(), options),
    locationUpdates: (options) => {
      follower ??= locationFollower(
        view(),
        (fix) => ctx.emit('LocationChange', fix),
        (error) => ctx.emit('LocationChangeError', error),
      );
      return follower(options);
    },
    async addCalendarEvent(event) {
      const doc = ctx.ui.layer.ownerDocument;
      const uid = `${event.startTime}-${crypto.randomUUID()}@${ctx.appId}`;
      const file = new TextEncoder().encode(calendarFile(event, uid, new Date()));
      offerDownload(doc, file, 'event.ics', 'text/calendar');
    },
    chooseLicensePlate: () => askLicensePlate(ctx.ui),
    async hideHomeButton() {
      ctx.chrome.hideHomeButton();
    },
    async shareMenu({ shown, settings }) {
      ctx.shareMenu(shown, settings ?? {});
    },
    openAppAuthorizeSetting: () => showAppAuthorizeSetting(ctx.ui.layer),
    async copyPageLink({ path, query }) {
      const link = ctx.copiedLink(path, query);
      if (link === undefined) throw new HostRefusal('Copy link was not chosen in the menu');
      await navigator.clipboard.writeText(link);
    },
    async soterAuthentication(options) {
      const win = view();
      if (!win) throw new HostRefusal('not supported');
      return soterAuthentication(win, ctx.storage, `plaza-soter:${ctx.appId}:${ctx.userId}`, options);
    },
    cropImage: async ({ src, scale }) => ({ data: await cropImage(ctx.ui.layer, src, scale) }),
    videoInfo: ({ src }) => videoInfo(ctx.ui.layer.ownerDocument, src),
    async restart({ path }) {
      if (!ctx.restart(path)) throw new HostRefusal(`invalid path "${path}": no such page`);
    },
    async deviceAbility({ ability }) {
      const win = view();
      if (ability === 'hevc')
        return win?.MediaSource?.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"') ?? false;
      const credential = (win as { PublicKeyCredential?: typeof PublicKeyCredential } | null)
        ?.PublicKeyCredential;
      return (
        (await credential?.isUserVerifyingPlatformAuthenticatorAvailable?.().catch(() => false)) ?? false
      );
    },
    // The phone's dialer, as a web page reaches it: a `tel:` link the browser hands to the system.
    async makePhoneCall({ phoneNumber }) {
      if (!/^\+?[\d\s()*#-]{1,32}$/.test(phoneNumber)) throw new HostRefusal('invalid phoneNumber');
      const link = ctx.ui.layer.ownerDocument.createElement('a');
      link.href = `tel:${phoneNumber.replace(/[\s()-]/g, '')}`;
      ctx.ui.layer.append(link);
      link.click();
      link.remove();
    },
    openCustomerServiceChat: unsupported('openCustomerServiceChat'),
    async setClipboardData(options) {
      await navigator.clipboard?.writeText(options.data);
    },
    async getClipboardData() {
      return { data: (await navigator.clipboard?.readText()) ?? '' };
    },
    getNetworkType: async () => ({ networkType: networkType() }),
    async vibrate(options) {
      // Desktop browsers have no vibrator: the call still succeeds, as on a phone set to silent.
      navigator.vibrate?.(options.type === 'long' ? 400 : 15);
    },
    async setKeepScreenOn(options) {
      await keepScreenOn(options.keepScreenOn);
    },
    async setScreenBrightness(options) {
      brightness = options.value;
    },
    getScreenBrightness: async () => ({ value: brightness }),
    getSetting: async () => ({ authSetting: consentRecords(ctx) }),
    // The consent itself is asked by the gate (gatedHost), which owns the records.
    authorize: async () => undefined,
    async showNavigationBarLoading(options) {
      ctx.chrome.setLoading(options.loading);
    },
    async loadFiles() {
      const loaded: Record<string, { data: string; createTime: number }> = {};
      for (const [path, json] of (await files?.load()) ?? []) {
        const record = parseFileRecord(json);
        if (record) loaded[path] = record;
      }
      return loaded;
    },
    writeFile: (options) =>
      inTurn(async () => {
        if (!files) throw new HostRefusal('file storage is not available');
        const sizes = await fileIndex();
        let others = 0;
        for (const [path, size] of sizes) if (path !== options.path) others += size;
        // Counted in base64 characters: the host's own measure, a third above the bytes.
        if (others + options.data.length > FILE_QUOTA_BASE64)
          throw new HostRefusal('the maximum size of the file storage limit is exceeded');
        try {
          await files.put(
            options.path,
            JSON.stringify({ data: options.data, createTime: options.createTime }),
          );
        } catch (error) {
          throw new HostRefusal(`the file could not be stored: ${(error as Error).message}`);
        }
        sizes.set(options.path, options.data.length);
      }),
    removeFile: (options) =>
      inTurn(async () => {
        await files?.delete(options.path);
        (await fileIndex()).delete(options.path);
      }),
    download: (options) =>
      fetchBytes(options.url, { method: 'GET', headers: options.header }, options.timeout),
    async upload(options) {
      const form = new FormData();
      for (const [key, value] of Object.entries(options.formData)) form.append(key, value);
      form.append(options.name, new Blob([base64Bytes(options.data)]), options.fileName);
      const response = await fetchBytes(
        options.url,
        { method: 'POST', headers: options.header, body: form },
        options.timeout,
      );
      return { ...response, data: new TextDecoder().decode(base64Bytes(response.data)) };
    },
    ...socketCapabilities(ctx),
    scanCode: unsupported('scanCode'),
    chooseLocation: unsupported('chooseLocation'),
    // The place on OpenStreetMap in a tab of its own, a browser's map without a super app's,
    // opened from the host's sheet: the user's tap there is what lets the browser open a tab.
    async openLocation({ latitude, longitude, scale, name, address }) {
      const zoom = Math.min(18, Math.max(5, Math.round(scale ?? 18)));
      const place = name || address || `${latitude}, ${longitude}`;
      await ctx.ui.showActionSheet({ itemList: [`Show “${place}” on the map`] });
      const url = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=${zoom}/${latitude}/${longitude}`;
      const tab = view()?.open(url, '_blank');
      if (!tab) throw new HostRefusal('the map could not be opened: the browser blocked the tab');
      tab.opener = null;
    },
    chooseAddress: () => askAddress(ctx.ui.layer),
    showDouyinOpenAuth: unsupported('showDouyinOpenAuth'),
    navigateToMiniProgram: unsupported('navigateToMiniProgram'),
    exitMiniProgram: unsupported('exitMiniProgram'),
    // Made on first use: most programs play no audio.
    audioCommand: (command) => {
      audio ??= audioPlayer(ctx.ui.layer.ownerDocument, (event) => ctx.emit('Audio', event));
      return audio(command);
    },
    async previewImage(options) {
      previewImages(ctx.ui.layer, options.urls, options.current);
    },
    getImageInfo: (options) => imageInfo(ctx.ui.layer.ownerDocument, options.src),
    compressImage: async (options) => ({
      data: await compressImage(ctx.ui.layer.ownerDocument, options.src, options.quality, options.width),
    }),
    async saveImage(options) {
      offerDownload(ctx.ui.layer.ownerDocument, base64Bytes(options.data), options.name, 'image/*');
    },
    async chooseFiles(options) {
      const files = await chooseFiles(ctx.ui.layer, options.accept, options.count);
      return files.map((f) => ({ name: f.name, type: f.type, data: bytesBase64(f.bytes) }));
    },
    viewCommand: (command) =>
      ctx.chrome.viewCommand(command).catch((error: Error) => {
        throw new HostRefusal(error.message);
      }),
    async updateTabBar(change) {
      const refused = ctx.chrome.changeTabBar(change);
      if (refused) throw new HostRefusal(refused);
    },
    // The super app forwards these to the app's funnel; the bare container has no funnel.
    reportAnalytics: async () => undefined,
    // Made on first use, like the audio: most programs read no sensor and record nothing.
    sensor: (options) => {
      sensors ??= motionSensors(ctx.ui.layer.ownerDocument.defaultView, (reading) =>
        ctx.emit('Sensor', reading),
      );
      return sensors(options);
    },
    getBatteryInfo: () => batteryInfo(ctx.ui.layer.ownerDocument.defaultView),
    recorder: (options) => {
      microphone ??= microphoneRecorder(
        ctx.ui.layer.ownerDocument.defaultView,
        (event) => ctx.emit('Recorder', event),
        bytesBase64,
      );
      return microphone(options);
    },
    rendererUserAgent: async () => ({
      userAgent: ctx.ui.layer.ownerDocument.defaultView?.navigator.userAgent ?? '',
    }),
    async openDocument(options) {
      const view = ctx.ui.layer.ownerDocument.defaultView;
      const bytes = base64Bytes(options.data);
      const url = view?.URL.createObjectURL(new Blob([bytes], { type: options.type }));
      // A tab of the browser's own viewer; where popups are blocked, the file as a download.
      const tab = url ? view?.open(url, '_blank') : null;
      if (tab) tab.opener = null;
      else offerDownload(ctx.ui.layer.ownerDocument, bytes, options.name, options.type);
      if (url) setTimeout(() => view?.URL.revokeObjectURL(url), 60_000);
    },
    async saveToDisk(options) {
      offerDownload(
        ctx.ui.layer.ownerDocument,
        base64Bytes(options.data),
        options.name,
        'application/octet-stream',
      );
    },
  };
}

let brightness = 0.5;

/** The app's WebSockets, opened by the host page (the logic worker has no network). */
function socketCapabilities(
  ctx: HostContext,
): Pick<HostCapabilities, 'socketConnect' | 'socketSend' | 'socketClose'> {
  const sockets = new Map<number, WebSocket>();
  const socket = (id: number) => {
    const found = sockets.get(id);
    if (!found || found.readyState !== WebSocket.OPEN) throw new HostRefusal('socket is not connected');
    return found;
  };
  return {
    async socketConnect({ id, url, protocols }) {
      if (sockets.size >= 5) throw new HostRefusal('too many sockets: at most 5 at once');
      const ws = new WebSocket(url, protocols);
      ws.binaryType = 'arraybuffer';
      sockets.set(id, ws);
      const emit = (event: Omit<SocketEvent, 'id'>) => ctx.emit('Socket', { id, ...event });
      ws.onopen = () => emit({ kind: 'open' });
      ws.onmessage = (event) =>
        emit(
          typeof event.data === 'string'
            ? { kind: 'message', text: event.data }
            : { kind: 'message', base64: bytesBase64(new Uint8Array(event.data as ArrayBuffer)) },
        );
      ws.onerror = () => emit({ kind: 'error', reason: 'connection failed' });
      ws.onclose = (event) => {
        sockets.delete(id);
        emit({ kind: 'close', code: event.code, reason: event.reason });
      };
    },
    async socketSend({ id, text, base64 }) {
      socket(id).send(base64 !== undefined ? base64Bytes(base64) : (text ?? ''));
    },
    async socketClose({ id, code, reason }) {
      const ws = sockets.get(id);
      if (!ws) throw new HostRefusal('socket is not connected');
      ws.close(code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000, reason.slice(0, 120));
    },
  };
}

/** 10 MB of files, as base64 text. */
const FILE_QUOTA_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3);

function parseFileRecord(text: string): { data: string; createTime: number } | undefined {
  try {
    const value = JSON.parse(text) as { data?: unknown; createTime?: unknown } | null;
    if (typeof value?.data === 'string' && typeof value.createTime === 'number')
      return { data: value.data, createTime: value.createTime };
  } catch {
    // Not a record this container wrote: not the app's file.
  }
  return undefined;
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function bytesBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

/** A fetch whose body comes back in base64, for downloads and upload answers. */
async function fetchBytes(
  url: string,
  init: RequestInit,
  timeout = 60_000,
): Promise<{ statusCode: number; header: Record<string, string>; data: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, { ...init, credentials: 'omit', signal: controller.signal });
    const header: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      header[name] = value;
    });
    return {
      statusCode: response.status,
      header,
      data: bytesBase64(new Uint8Array(await response.arrayBuffer())),
    };
  } catch (error) {
    throw new HostRefusal(
      controller.signal.aborted ? 'timeout' : `request failed: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
let wakeLock: { release(): Promise<void> } | undefined;

async function keepScreenOn(on: boolean): Promise<void> {
  const locks = (
    navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }
  ).wakeLock;
  if (!on) {
    await wakeLock?.release();
    wakeLock = undefined;
    return;
  }
  if (!locks) throw new HostRefusal('this browser cannot keep the screen on');
  wakeLock = await locks.request('screen').catch((error: Error) => {
    throw new HostRefusal(error.message);
  });
}

/** The connection's kind as the dialects name it, from what the browser knows. */
export function networkType(): string {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'none';
  const connection = (navigator as Navigator & { connection?: { type?: string; effectiveType?: string } })
    .connection;
  if (connection?.type === 'wifi' || connection?.type === 'ethernet') return 'wifi';
  const effective = connection?.effectiveType;
  if (effective === '4g' || effective === '3g' || effective === '2g') return effective;
  return connection ? 'unknown' : 'wifi';
}

const CONSENT_PREFIX = (ctx: HostContext) => `plaza-consent:${ctx.appId}:${ctx.userId}:`;

/** The user's remembered answers for this app, as `getSetting`'s `authSetting`. */
function consentRecords(ctx: HostContext): Record<string, boolean> {
  const records: Record<string, boolean> = {};
  const storage = ctx.storage;
  const prefix = CONSENT_PREFIX(ctx);
  if (!storage) return records;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) records[key.slice(prefix.length)] = storage.getItem(key) === 'allow';
  }
  return records;
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

const consentKey = (ctx: HostContext, scope: string) => `${CONSENT_PREFIX(ctx)}${scope}`;

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
  const socketOrigins = allowedSocketOrigins(ctx.permissions.socketDomains);
  const consentGiven = async (method: string, asked?: { scope: string; reason: string }) => {
    const needed = asked ?? declaredScope(method, ctx.appConfig);
    if (!needed) return;
    if (!(await askConsent(ctx, needed.scope, needed.reason))) throw new HostRefusal('auth deny');
  };
  /** An image or video the host loads: a data URL, or from a domain the platform granted. */
  const fromAllowed = async <O extends { src: string }, R>(options: O, load: (o: O) => Promise<R>) => {
    if (!options.src.startsWith('data:')) checkRequestUrl(options.src, origins);
    return load(options);
  };
  return {
    ...inner,
    request: async (options) => {
      checkRequestUrl(options.url, origins);
      return inner.request(options);
    },
    socketConnect: async (options) => {
      checkSocketUrl(options.url, socketOrigins);
      return inner.socketConnect(options);
    },
    getImageInfo: (options) => fromAllowed(options, (o) => inner.getImageInfo(o)),
    compressImage: (options) => fromAllowed(options, (o) => inner.compressImage(o)),
    cropImage: (options) => fromAllowed(options, (o) => inner.cropImage(o)),
    videoInfo: (options) => fromAllowed(options, (o) => inner.videoInfo(o)),
    saveImage: async (options) => {
      await consentGiven('saveImage', { scope: 'scope.writePhotosAlbum', reason: '' });
      return inner.saveImage(options);
    },
    recorder: async (options) => {
      if (options.action === 'start') await consentGiven('recorder', { scope: 'scope.record', reason: '' });
      return inner.recorder(options);
    },
    download: async (options) => {
      checkRequestUrl(options.url, origins);
      return inner.download(options);
    },
    upload: async (options) => {
      checkRequestUrl(options.url, origins);
      return inner.upload(options);
    },
    getLocation: async (options) => {
      await consentGiven(options.fuzzy ? 'getFuzzyLocation' : 'getLocation');
      return inner.getLocation(options);
    },
    locationUpdates: async (options) => {
      if (options.running)
        await consentGiven(options.background ? 'startLocationUpdateBackground' : 'startLocationUpdate');
      return inner.locationUpdates(options);
    },
    addCalendarEvent: async (event) => {
      await consentGiven('addCalendarEvent', { scope: 'scope.addPhoneCalendar', reason: '' });
      return inner.addCalendarEvent(event);
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
    // `authorize` asks for any scope; a scope that guards personal data must be declared first.
    authorize: async (options) => {
      const method = Object.entries(PRIVACY_SCOPES).find(([, scope]) => scope === options.scope)?.[0];
      await consentGiven(
        'authorize',
        method ? declaredScope(method, ctx.appConfig) : { scope: options.scope, reason: '' },
      );
      return inner.authorize(options);
    },
  };
}
