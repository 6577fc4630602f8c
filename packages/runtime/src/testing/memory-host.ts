import { DEFAULT_SYSTEM_INFO, type HostCapabilities, HostRefusal } from '../api/host-capabilities.ts';

/** Every host call a memory host received, in order. */
export type HostCallLog = { method: string; args: unknown[] }[];

/**
 * A host held in memory: storage in a Map, every call logged, sensible answers
 * (login codes, a paid cashier, accepted subscriptions). Override any method to script
 * a scenario, e.g. `{ pay: async () => ({ code: 4 }) }` for a cancelled payment.
 */
export function createMemoryHost(overrides: Partial<HostCapabilities> = {}): HostCapabilities & {
  calls: HostCallLog;
  store: Map<string, unknown>;
} {
  const store = new Map<string, unknown>();
  const calls: HostCallLog = [];
  let codes = 0;
  const base: HostCapabilities = {
    loadStorage: async () => Object.fromEntries(store),
    setStorage: async (key, value) => {
      store.set(key, value);
    },
    removeStorage: async (key) => {
      store.delete(key);
    },
    clearStorage: async () => store.clear(),
    request: async () => {
      throw new HostRefusal('no network in the memory host');
    },
    showToast: async () => undefined,
    hideToast: async () => undefined,
    showLoading: async () => undefined,
    hideLoading: async () => undefined,
    showModal: async () => ({ confirm: true, cancel: false }),
    showActionSheet: async () => ({ tapIndex: 0 }),
    setNavigationBarTitle: async () => undefined,
    setNavigationBarColor: async () => undefined,
    startPullDownRefresh: async () => undefined,
    stopPullDownRefresh: async () => undefined,
    getSystemInfo: async () => DEFAULT_SYSTEM_INFO,
    login: async () => ({ code: `code-${++codes}`, anonymousCode: `anon-${codes}`, isLogin: true }),
    checkSession: async () => undefined,
    getUserProfile: async () => ({ userInfo: { nickName: 'Plaza User', avatarUrl: '' } }),
    getPhoneNumber: async () => ({ code: 'phone-code' }),
    pay: async () => ({ code: 0 }),
    requestPayment: async () => undefined,
    requestOrder: async () => ({ orderId: 'memory-order', itemOrderList: [] }),
    getOrderPayment: async () => ({ code: 0 }),
    requestSubscribeMessage: async ({ tmplIds }) =>
      Object.fromEntries(tmplIds.map((id) => [id, 'accept' as const])),
    openCustomerServiceChat: async () => undefined,
    getLocation: async () => ({ latitude: 39.9, longitude: 116.4, accuracy: 10 }),
    locationUpdates: async () => undefined,
    addCalendarEvent: async () => undefined,
    deviceAbility: async () => false,
    restart: async () => undefined,
    shareMenu: async () => undefined,
    hideHomeButton: async () => undefined,
    chooseLicensePlate: async () => ({ plateNumber: '京A12345' }),
    openAppAuthorizeSetting: async () => undefined,
    copyPageLink: async () => undefined,
    soterAuthentication: async () => {
      throw new HostRefusal('not supported');
    },
    cropImage: async () => ({ data: '' }),
    videoInfo: async () => ({ duration: 0, width: 0, height: 0, type: '', size: 0 }),
    makePhoneCall: async () => undefined,
    setClipboardData: async () => undefined,
    getClipboardData: async () => ({ data: '' }),
    getNetworkType: async () => ({ networkType: 'wifi' }),
    vibrate: async () => undefined,
    setKeepScreenOn: async () => undefined,
    setScreenBrightness: async () => undefined,
    getScreenBrightness: async () => ({ value: 0.5 }),
    getSetting: async () => ({ authSetting: {} }),
    authorize: async () => undefined,
    showNavigationBarLoading: async () => undefined,
    updateTabBar: async () => undefined,
    viewCommand: async () => undefined,
    loadFiles: async () => ({}),
    previewImage: async () => undefined,
    audioCommand: async () => undefined,
    compressImage: async () => ({ data: '' }),
    scanCode: async () => ({ result: 'code', scanType: 'QR_CODE' }),
    chooseLocation: async () => ({ name: '', address: '', latitude: 39.9, longitude: 116.4 }),
    openLocation: async () => undefined,
    chooseAddress: async () => ({}),
    showDouyinOpenAuth: async () => ({ ticket: 'ticket', grantPermissions: [] }),
    navigateToMiniProgram: async () => undefined,
    exitMiniProgram: async () => undefined,
    getImageInfo: async () => ({ width: 1, height: 1, type: 'png' }),
    saveImage: async () => undefined,
    chooseFiles: async () => [],
    socketConnect: async () => {
      throw new HostRefusal('no network in the memory host');
    },
    socketSend: async () => undefined,
    socketClose: async () => undefined,
    writeFile: async () => undefined,
    removeFile: async () => undefined,
    download: async () => {
      throw new HostRefusal('no network in the memory host');
    },
    upload: async () => {
      throw new HostRefusal('no network in the memory host');
    },
    reportAnalytics: async () => undefined,
    sensor: async () => undefined,
    getBatteryInfo: async () => ({ level: 80, isCharging: true }),
    saveToDisk: async () => undefined,
    openDocument: async () => undefined,
    rendererUserAgent: async () => ({ userAgent: 'memory host' }),
    recorder: async () => {
      throw new HostRefusal('no microphone in the memory host');
    },
  };
  const host = { ...base, ...overrides } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(host)) {
    host[name] = (...args: unknown[]) => {
      calls.push({ method: name, args });
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  }
  return Object.assign(host as unknown as HostCapabilities, { calls, store });
}
