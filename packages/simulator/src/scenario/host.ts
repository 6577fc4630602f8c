import {
  type AudioEvent,
  DEFAULT_SYSTEM_INFO,
  HOST_METHODS,
  type HostCapabilities,
  HostRefusal,
  type HostRequest,
  type HostResponse,
  type SocketEvent,
  type ViewCommand,
} from '@plaza/runtime';
import type {
  PaymentOutcome,
  RequestHandler,
  Scenario,
  SimulatedRequest,
  SimulatedResponse,
} from './scenario.ts';

/** One host capability call as a test reads it back: what was asked and how it ended. */
export interface HostCall {
  api: string;
  params: Record<string, unknown>;
  ok: boolean;
  result?: unknown;
  /** The reason after `<api>:fail `. */
  error?: string;
}

/** What the user saw of the host's own UI: toasts, modals, loading, titles, refresh. */
export interface HostUi {
  toasts: string[];
  modals: Array<{ title: string; content: string; answer: 'confirm' | 'cancel' }>;
  navigationBarTitle: string | undefined;
  loading: boolean;
  refreshing: boolean;
  /** The navigation bar's spinner. */
  navigationBarLoading: boolean;
  vibrations: Array<'short' | 'long'>;
  keepScreenOn: boolean;
  brightness: number;
  /** What the program reported to its funnel (`reportAnalytics`). */
  analytics: Array<{ event: string; data: Record<string, unknown> }>;
  /** The user's consent records, by scope. */
  authSetting: Record<string, boolean>;
  /** The audios the program plays, by id: their source, whether playing, where. */
  audio: Map<number, { src: string; playing: boolean; position: number }>;
  /** App ids the program opened (`navigateToMiniProgram`). */
  openedApps: string[];
  /** Whether the program closed itself (`exitMiniProgram`). */
  exited: boolean;
  /** Each `previewImage`'s images. */
  previewed: string[][];
  /** Names of the images kept for the user (`saveImageToPhotosAlbum`). */
  savedImages: string[];
  /** Commands the program gave its page's view (`pageScrollTo`, `hideKeyboard`, `loadFontFace`…). */
  viewCommands: ViewCommand[];
  /** The tab bar as the program changed it: badges and red dots by index, items, style. */
  tabBar: {
    hidden: boolean;
    badges: Record<number, string>;
    dots: number[];
    items: Record<number, { text?: string; iconPath?: string; selectedIconPath?: string }>;
    style: Record<string, string>;
  };
}

const PAY_CODES: Record<PaymentOutcome, number> = { paid: 0, timeout: 1, failed: 2, closed: 3, cancelled: 4 };

/**
 * The simulated host: answers every capability from the scenario, owns storage, and logs
 * each call (after it settles) so a test can assert what the program asked for.
 */
/** What a headless run cannot do: it has no device and no screen. */
const refused = async (): Promise<never> => {
  throw new HostRefusal('not supported');
};

export function scenarioHost(
  scenario: Scenario = {},
  program: { tabBarItems: number } = { tabBarItems: 0 },
): {
  host: HostCapabilities;
  calls: HostCall[];
  ui: HostUi;
  storage: Map<string, unknown>;
  /** Where the host's socket events go: the simulator hands them to the program. */
  onSocketEvent(listener: (event: SocketEvent) => void): void;
  onAudioEvent(listener: (event: AudioEvent) => void): void;
} {
  const calls: HostCall[] = [];
  const ui: HostUi = {
    toasts: [],
    modals: [],
    navigationBarTitle: undefined,
    loading: false,
    refreshing: false,
    navigationBarLoading: false,
    vibrations: [],
    keepScreenOn: false,
    brightness: 0.5,
    analytics: [],
    authSetting: {},
    viewCommands: [],
    previewed: [],
    openedApps: [],
    audio: new Map(),
    exited: false,
    savedImages: [],
    tabBar: { hidden: false, badges: {}, dots: [], items: {}, style: {} },
  };
  const tabs = program.tabBarItems;
  const storage = new Map<string, unknown>(Object.entries(structuredClone(scenario.storage ?? {})));
  let logins = 0;
  /** The app's kept files, base64, as the host stores them. */
  const files = new Map<string, { data: string; createTime: number }>();
  const sockets = new Map<number, (message: string) => string | undefined>();
  let emit: (event: SocketEvent) => void = () => undefined;
  let emitAudio: (event: AudioEvent) => void = () => undefined;

  const paymentOutcome = (order: Record<string, unknown>): PaymentOutcome =>
    typeof scenario.payment === 'function' ? scenario.payment(order) : (scenario.payment ?? 'paid');

  let simulatedOrders = 0;
  const answers: HostCapabilities = {
    loadStorage: async () => Object.fromEntries(storage),
    setStorage: async (key, value) => void storage.set(key, structuredClone(value)),
    removeStorage: async (key) => void storage.delete(key),
    clearStorage: async () => storage.clear(),
    request: (options) => answerRequest(scenario.requests ?? {}, options),
    showToast: async (o) => void ui.toasts.push(o.title),
    hideToast: async () => {},
    showLoading: async () => {
      ui.loading = true;
    },
    hideLoading: async () => {
      ui.loading = false;
    },
    showModal: async (o) => {
      const answer =
        typeof scenario.modal === 'function' ? scenario.modal({ ...o }) : (scenario.modal ?? 'confirm');
      ui.modals.push({ title: o.title ?? '', content: o.content ?? '', answer });
      return { confirm: answer === 'confirm', cancel: answer === 'cancel' };
    },
    showActionSheet: async () => {
      if (scenario.actionSheet === 'cancel') throw new HostRefusal('cancel');
      return { tapIndex: scenario.actionSheet ?? 0 };
    },
    setNavigationBarTitle: async (o) => {
      ui.navigationBarTitle = o.title;
    },
    setNavigationBarColor: async () => {},
    startPullDownRefresh: async () => {
      ui.refreshing = true;
    },
    stopPullDownRefresh: async () => {
      ui.refreshing = false;
    },
    getSystemInfo: async () =>
      ({ ...DEFAULT_SYSTEM_INFO, ...scenario.systemInfo }) as typeof DEFAULT_SYSTEM_INFO,
    login: async () => {
      if (scenario.login === 'denied') throw new HostRefusal('auth deny');
      logins += 1;
      return {
        code: scenario.login?.code ?? `sim-code-${logins}`,
        anonymousCode: scenario.login?.anonymousCode ?? `sim-anon-${logins}`,
        isLogin: true,
      };
    },
    checkSession: async () => {
      if (logins === 0) throw new HostRefusal('session expired');
    },
    getUserProfile: async () => {
      if (scenario.userInfo === 'denied') throw new HostRefusal('auth deny');
      return { userInfo: { nickName: 'Simulated user', avatarUrl: '', ...scenario.userInfo } };
    },
    getPhoneNumber: async () => ({ code: 'sim-phone-code' }),
    pay: async (o) => ({ code: PAY_CODES[paymentOutcome(o)] }),
    // WeChat's cashier reports everything but success as a failure.
    requestPayment: async (o) => {
      const outcome = paymentOutcome(o);
      if (outcome !== 'paid')
        throw new HostRefusal(outcome === 'cancelled' || outcome === 'closed' ? 'cancel' : outcome);
    },
    // tt.requestOrder: the simulator trusts the signature (no platform holds the key) and
    // pays the order as the scenario says.
    requestOrder: async () => ({ orderId: `sim_order_${++simulatedOrders}`, itemOrderList: [] }),
    getOrderPayment: async (o) => ({
      code: PAY_CODES[paymentOutcome({ orderId: o.orderId })],
    }),
    requestSubscribeMessage: async (o) => Object.fromEntries(o.tmplIds.map((id) => [id, 'accept' as const])),
    // The simulator has no merchant to chat with: the chat opens and stays empty.
    openCustomerServiceChat: async () => {},
    getLocation: async () => ({ latitude: 39.9042, longitude: 116.4074, accuracy: 10 }),
    makePhoneCall: async () => {},
    setClipboardData: async () => {},
    getClipboardData: async () => ({ data: '' }),
    getNetworkType: async () => ({ networkType: scenario.networkType ?? 'wifi' }),
    vibrate: async (o) => void ui.vibrations.push(o.type),
    setKeepScreenOn: async (o) => {
      ui.keepScreenOn = o.keepScreenOn;
    },
    setScreenBrightness: async (o) => {
      ui.brightness = o.value;
    },
    getScreenBrightness: async () => ({ value: ui.brightness }),
    getSetting: async () => ({ authSetting: { ...ui.authSetting } }),
    authorize: async (o) => {
      const allowed = ui.authSetting[o.scope] ?? scenario.consent?.[o.scope] ?? true;
      ui.authSetting[o.scope] = allowed;
      if (!allowed) throw new HostRefusal('auth deny');
    },
    showNavigationBarLoading: async (o) => {
      ui.navigationBarLoading = o.loading;
    },
    viewCommand: async (command) => void ui.viewCommands.push(command),
    scanCode: async (o) => {
      const scanned = scenario.scan ?? 'cancel';
      if (scanned === 'cancel') throw new HostRefusal('cancel');
      return { result: scanned, scanType: o.scanType.includes('qrCode') ? 'QR_CODE' : 'CODE_128' };
    },
    chooseLocation: async () => {
      if (!scenario.location) throw new HostRefusal('cancel');
      return { ...scenario.location };
    },
    openLocation: async () => {},
    chooseAddress: async () => {
      if (!scenario.address) throw new HostRefusal('cancel');
      return { ...scenario.address };
    },
    showDouyinOpenAuth: async (o) => {
      const allowed = scenario.consent?.['douyin.open'] ?? true;
      if (!allowed) throw new HostRefusal('auth deny');
      return { ticket: 'sim-douyin-ticket', grantPermissions: Object.keys(o.scopes) };
    },
    navigateToMiniProgram: async (o) => void ui.openedApps.push(o.appId),
    exitMiniProgram: async () => {
      ui.exited = true;
    },
    audioCommand: async (o) => {
      const state = ui.audio.get(o.id) ?? { src: '', playing: false, position: 0 };
      ui.audio.set(o.id, state);
      state.src = o.props.src;
      const kind =
        o.action === 'play'
          ? 'Play'
          : o.action === 'pause'
            ? 'Pause'
            : o.action === 'stop'
              ? 'Stop'
              : o.action === 'seek'
                ? 'Seeked'
                : undefined;
      if (o.action === 'play') state.playing = true;
      if (o.action === 'pause' || o.action === 'stop') state.playing = false;
      if (o.action === 'seek') state.position = o.value ?? 0;
      if (o.action === 'stop') state.position = 0;
      if (o.action === 'destroy') ui.audio.delete(o.id);
      if (kind) setTimeout(() => emitAudio({ id: o.id, kind, currentTime: state.position, duration: 10 }), 0);
    },
    previewImage: async (o) => {
      ui.previewed.push(o.urls);
    },
    getImageInfo: async (o) => {
      const known = scenario.images?.[o.src];
      if (!known) throw new HostRefusal('download image fail');
      return { type: 'png', ...known };
    },
    // The simulator draws nothing: the image comes back as it was.
    compressImage: async (o) => {
      if (!o.src.startsWith('data:')) throw new HostRefusal('download image fail');
      return { data: o.src.replace(/^data:[^,]*,/, '') };
    },
    saveImage: async (o) => {
      const allowed =
        ui.authSetting['scope.writePhotosAlbum'] ?? scenario.consent?.['scope.writePhotosAlbum'] ?? true;
      ui.authSetting['scope.writePhotosAlbum'] = allowed;
      if (!allowed) throw new HostRefusal('auth deny');
      ui.savedImages.push(o.name);
    },
    chooseFiles: async (o) => {
      const files = scenario.chooseFiles ?? 'cancel';
      if (files === 'cancel') throw new HostRefusal('cancel');
      return files
        .slice(0, o.count)
        .map((f) => ({ name: f.name, type: f.type, data: Buffer.from(f.content).toString('base64') }));
    },
    socketConnect: async (o) => {
      const server = scenario.sockets?.[o.url];
      if (!server) throw new HostRefusal(`no scenario handler for socket ${o.url}`);
      sockets.set(o.id, server);
      setTimeout(() => emit({ id: o.id, kind: 'open' }), 0);
    },
    socketSend: async (o) => {
      const server = sockets.get(o.id);
      if (!server) throw new HostRefusal('socket is not connected');
      const answer = server(o.text ?? Buffer.from(o.base64 ?? '', 'base64').toString());
      if (answer !== undefined) setTimeout(() => emit({ id: o.id, kind: 'message', text: answer }), 0);
    },
    socketClose: async (o) => {
      if (!sockets.delete(o.id)) throw new HostRefusal('socket is not connected');
      setTimeout(() => emit({ id: o.id, kind: 'close', code: o.code, reason: o.reason }), 0);
    },
    loadFiles: async () => Object.fromEntries(files),
    writeFile: async (o) => {
      const others = [...files].filter(([p]) => p !== o.path).reduce((sum, [, f]) => sum + f.data.length, 0);
      if (others + o.data.length > Math.ceil((10 * 1024 * 1024 * 4) / 3))
        throw new HostRefusal('the maximum size of the file storage limit is exceeded');
      files.set(o.path, { data: o.data, createTime: o.createTime });
    },
    removeFile: async (o) => void files.delete(o.path),
    download: async (o) => {
      const response = await answerRequest(scenario.requests ?? {}, {
        url: o.url,
        method: 'GET',
        header: o.header,
      });
      const body = response.data;
      const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(JSON.stringify(body));
      return { statusCode: response.statusCode, header: response.header, data: bytes.toString('base64') };
    },
    upload: async (o) => {
      const response = await answerRequest(scenario.requests ?? {}, {
        url: o.url,
        method: 'POST',
        header: o.header,
        data: {
          formData: o.formData,
          file: { name: o.name, fileName: o.fileName, text: Buffer.from(o.data, 'base64').toString() },
        },
      });
      const body = response.data;
      return {
        statusCode: response.statusCode,
        header: response.header,
        data: typeof body === 'string' ? body : JSON.stringify(body),
      };
    },
    updateTabBar: async (change) => {
      const bar = ui.tabBar;
      if ('index' in change && change.index >= tabs) throw new HostRefusal('tabbar item not found');
      if (change.kind === 'visible') bar.hidden = !change.visible;
      else if (change.kind === 'style') Object.assign(bar.style, change.style);
      else if (change.kind === 'badge') {
        if (change.text === undefined) delete bar.badges[change.index];
        else bar.badges[change.index] = change.text;
      } else if (change.kind === 'dot') {
        bar.dots = bar.dots.filter((i) => i !== change.index).concat(change.shown ? [change.index] : []);
      } else bar.items[change.index] = { ...bar.items[change.index], ...change.item };
    },
    reportAnalytics: async (o) => void ui.analytics.push({ event: o.event, data: o.data }),
    // A headless run has no device (no sensor to read, no battery to tell) and no screen for
    // the host's own sheets and menus.
    sensor: refused,
    getBatteryInfo: refused,
    locationUpdates: refused,
    addCalendarEvent: refused,
    hideHomeButton: refused,
    shareMenu: refused,
    chooseLicensePlate: refused,
    openAppAuthorizeSetting: refused,
    copyPageLink: refused,
    soterAuthentication: refused,
    cropImage: refused,
    videoInfo: refused,
    restart: refused,
    deviceAbility: async () => false,
    saveToDisk: async (o) => void ui.savedImages.push(o.name),
    openDocument: async (o) => void ui.savedImages.push(o.name),
    rendererUserAgent: async () => ({ userAgent: 'Plaza simulator' }),
    recorder: refused,
  };

  const host = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of HOST_METHODS) {
    const answer = (scenario.apis?.[method] ?? answers[method]) as (...args: unknown[]) => Promise<unknown>;
    host[method] = async (...args: unknown[]) => {
      const params = (typeof args[0] === 'object' && args[0] !== null ? args[0] : { args }) as Record<
        string,
        unknown
      >;
      try {
        const result = await answer(...args);
        if (method !== 'loadStorage') calls.push({ api: method, params, ok: true, result });
        return result;
      } catch (error) {
        calls.push({
          api: method,
          params,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    };
  }
  return {
    host: host as unknown as HostCapabilities,
    calls,
    ui,
    storage,
    onSocketEvent: (listener: (event: SocketEvent) => void) => {
      emit = listener;
    },
    onAudioEvent: (listener: (event: AudioEvent) => void) => {
      emitAudio = listener;
    },
  };
}

async function answerRequest(requests: Record<string, unknown>, options: HostRequest): Promise<HostResponse> {
  const request = toRequest(options);
  const keys = [
    `${request.method} ${request.url}`,
    `${request.method} ${request.path}`,
    request.url,
    request.path,
  ];
  const key = keys.find((k) => k in requests);
  if (key === undefined) throw new HostRefusal(`no scenario handler for ${request.method} ${request.url}`);
  const handler = requests[key];
  const response: SimulatedResponse =
    typeof handler === 'function' ? await (handler as RequestHandler)(request) : { body: handler };
  return {
    statusCode: response.status ?? 200,
    header: { 'content-type': 'application/json', ...response.headers },
    data: structuredClone(response.body ?? ''),
  };
}

function toRequest(options: HostRequest): SimulatedRequest {
  const parsed = URL.canParse(options.url)
    ? new URL(options.url)
    : new URL(options.url, 'http://invalid.local');
  const headers = Object.fromEntries(
    Object.entries(options.header ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  let body = options.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // A body that is not JSON stays a string.
    }
  }
  return {
    method: (options.method ?? 'GET').toUpperCase(),
    url: `${parsed.origin}${parsed.pathname}`,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers,
    body: structuredClone(body),
  };
}
