/**
 * The one record of what works of the `wx`/`tt` surface, and where. The API object, `canIUse`,
 * `plaza check` and the generated docs/api-matrix.md all read it; a test fails when a member is
 * claimed here that no test names (see docs/api-matrix.md for the rule).
 *
 * - `browser`: works in the browser container by itself;
 * - `headless`: works in the simulator;
 * - `host`: works when the embedding app answers the capability (the super app does for
 *   login, payment, location…); the plain container refuses it with a reason.
 */
export type Availability = 'browser' | 'headless' | 'host';

const everywhere = ['browser', 'headless'] as const;
const hosted = ['host', 'headless'] as const;
// Proved headless; the browser claim waits for a Chromium test naming the member.
const headless = ['headless'] as const;

/** Implemented members, by family. */
export const IMPLEMENTED_MEMBERS = {
  // storage
  setStorageSync: everywhere,
  getStorageSync: everywhere,
  removeStorageSync: everywhere,
  clearStorageSync: everywhere,
  getStorageInfoSync: everywhere,
  setStorage: everywhere,
  getStorage: everywhere,
  removeStorage: everywhere,
  clearStorage: everywhere,
  getStorageInfo: everywhere,
  batchSetStorageSync: headless,
  batchGetStorageSync: headless,
  batchSetStorage: headless,
  batchGetStorage: headless,
  // network
  request: everywhere,
  getNetworkType: headless,
  onNetworkStatusChange: headless,
  // interaction
  showToast: everywhere,
  hideToast: everywhere,
  showLoading: everywhere,
  hideLoading: everywhere,
  showModal: everywhere,
  showActionSheet: everywhere,
  // navigation bar and pull-down
  setNavigationBarTitle: everywhere,
  setNavigationBarColor: everywhere,
  showNavigationBarLoading: headless,
  hideNavigationBarLoading: headless,
  startPullDownRefresh: everywhere,
  stopPullDownRefresh: everywhere,
  getMenuButtonBoundingClientRect: headless,
  // system
  getSystemInfoSync: everywhere,
  getSystemInfo: everywhere,
  getSystemInfoAsync: headless,
  getWindowInfo: everywhere,
  getDeviceInfo: headless,
  getAppBaseInfo: headless,
  getSystemSetting: headless,
  getAppAuthorizeSetting: headless,
  getLaunchOptionsSync: everywhere,
  getEnterOptionsSync: everywhere,
  getAccountInfoSync: everywhere,
  getEnvInfoSync: headless,
  canIUse: everywhere,
  nextTick: everywhere,
  env: headless,
  // base
  base64ToArrayBuffer: headless,
  arrayBufferToBase64: headless,
  getRandomValues: headless,
  getLogManager: headless,
  getRealtimeLogManager: headless,
  getUpdateManager: headless,
  getPerformance: headless,
  reportAnalytics: headless,
  reportEvent: headless,
  reportMonitor: headless,
  // app events
  onAppShow: headless,
  offAppShow: headless,
  onAppHide: headless,
  onThemeChange: headless,
  // animation
  createAnimation: headless,
  // routing
  navigateTo: everywhere,
  redirectTo: everywhere,
  navigateBack: everywhere,
  switchTab: everywhere,
  reLaunch: everywhere,
  // view queries
  createSelectorQuery: everywhere,
  // settings and consent
  getSetting: headless,
  openSetting: headless,
  authorize: headless,
  // device
  vibrateShort: headless,
  vibrateLong: headless,
  setKeepScreenOn: headless,
  setScreenBrightness: headless,
  getScreenBrightness: headless,
  setClipboardData: everywhere,
  getClipboardData: everywhere,
  // open capabilities: the super app's
  login: hosted,
  checkSession: hosted,
  getUserProfile: hosted,
  getUserInfo: hosted,
  pay: hosted,
  requestPayment: hosted,
  requestSubscribeMessage: hosted,
  getLocation: hosted,
  makePhoneCall: hosted,
} satisfies Record<string, readonly Availability[]>;

/** A member the registry names. */
export type ImplementedMember = keyof typeof IMPLEMENTED_MEMBERS;

/** Why a member that is not implemented cannot work here, by the first pattern it matches. */
const UNAVAILABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/Bluetooth|BLE|Beacon|Wifi|NFC|HCE|Nfc/, 'a web page reaches no Bluetooth, Wi-Fi or NFC radio'],
  [/(Ad|AdContext)$|^createRewardedVideoAd$|^createInterstitialAd$/, 'Plaza has no ad network'],
  [/^cloud$|^createCloud$/, "cloud development is the platform vendor's own service"],
  [
    /Channels|OfficialAccount|Sticker|TransitCard|1v1Chat|VoIP|Employee|OfflinePay|Facial|SecureElement|PaymentPass|CustomerService|WeRun|Invoice|Sms|ChatTool|Designer|Inquiries|StoreCoupon|StoreOrder|PrivateMessage|GroupEnter|Referrer|ForMiniProgram|MyMiniProgram|Plugin|Contact|HKOffline|CommonPayment|VirtualPayment|MerchantTransfer|GlobalPayment|AppleSubscribe|Apple/,
    "a WeChat account service outside Plaza's platform",
  ],
  [
    /Douyin(?!Open)|Aweme|Live|Room|Anchor|Audience|Sidebar|Comment|Follow|InteractionBar|VideoView|Scene|ExitGuide|FavoriteGuide|AnalysisInfo|Ec[A-Z]/,
    "a Douyin account service outside Plaza's platform",
  ],
  [
    /VK|XrFrame|Inference|FaceDetect|Skyline|worklet|Worker$|Wasm|phys3D|Hevc|VideoDecoder|MediaContainer|MediaRecorder|Benchmark|ScreenRecording|VisualEffect|WindowSize|router$|rewriteRoute|preload/,
    "needs the platform client's native engine",
  ],
];

/** The reason a member is not available, for the matrix and the errMsg of its stub. */
export function unavailableReason(name: string): string {
  for (const [pattern, reason] of UNAVAILABLE) if (pattern.test(name)) return reason;
  return 'not implemented in Plaza yet';
}

/** Whether `name` works somewhere (in the browser, headless, or through a host that provides it). */
export function isImplemented(name: string): boolean {
  return Object.hasOwn(IMPLEMENTED_MEMBERS, name);
}
