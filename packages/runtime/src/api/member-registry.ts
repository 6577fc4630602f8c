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
// The simulator reports a rejection from outside the program's realm, where no listener is.
const browser = ['browser'] as const;

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
  batchSetStorageSync: everywhere,
  batchGetStorageSync: everywhere,
  batchSetStorage: everywhere,
  batchGetStorage: everywhere,
  // files
  getFileSystemManager: everywhere,
  saveFile: everywhere,
  getSavedFileList: everywhere,
  getSavedFileInfo: everywhere,
  removeSavedFile: everywhere,
  getFileInfo: everywhere,
  downloadFile: everywhere,
  uploadFile: everywhere,
  // network
  connectSocket: everywhere,
  onSocketOpen: everywhere,
  onSocketMessage: everywhere,
  onSocketClose: everywhere,
  sendSocketMessage: everywhere,
  closeSocket: everywhere,
  request: everywhere,
  getNetworkType: everywhere,
  onNetworkStatusChange: everywhere,
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
  showNavigationBarLoading: everywhere,
  hideNavigationBarLoading: everywhere,
  startPullDownRefresh: everywhere,
  stopPullDownRefresh: everywhere,
  getMenuButtonBoundingClientRect: everywhere,
  // system
  getSystemInfoSync: everywhere,
  getSystemInfo: everywhere,
  getSystemInfoAsync: everywhere,
  getWindowInfo: everywhere,
  getDeviceInfo: everywhere,
  getAppBaseInfo: everywhere,
  getSystemSetting: everywhere,
  getAppAuthorizeSetting: everywhere,
  getLaunchOptionsSync: everywhere,
  getEnterOptionsSync: everywhere,
  getAccountInfoSync: everywhere,
  getEnvInfoSync: everywhere,
  canIUse: everywhere,
  nextTick: everywhere,
  env: everywhere,
  // base
  base64ToArrayBuffer: everywhere,
  arrayBufferToBase64: everywhere,
  getRandomValues: everywhere,
  getLogManager: everywhere,
  getRealtimeLogManager: everywhere,
  getUpdateManager: everywhere,
  getPerformance: everywhere,
  reportAnalytics: everywhere,
  reportEvent: everywhere,
  reportMonitor: everywhere,
  // app events
  onAppShow: everywhere,
  offAppShow: everywhere,
  onAppHide: everywhere,
  onThemeChange: everywhere,
  offAppHide: everywhere,
  offNetworkStatusChange: everywhere,
  offThemeChange: everywhere,
  onError: everywhere,
  offError: everywhere,
  onPageNotFound: everywhere,
  offPageNotFound: everywhere,
  onUnhandledRejection: browser,
  offUnhandledRejection: browser,
  // the page's view
  pageScrollTo: everywhere,
  hideKeyboard: everywhere,
  setBackgroundColor: everywhere,
  setBackgroundTextStyle: everywhere,
  loadFontFace: everywhere,
  // The simulator lays nothing out, so nothing ever intersects there.
  createIntersectionObserver: browser,
  // tab bar
  setTabBarBadge: everywhere,
  removeTabBarBadge: everywhere,
  showTabBarRedDot: everywhere,
  hideTabBarRedDot: everywhere,
  showTabBar: everywhere,
  hideTabBar: everywhere,
  setTabBarItem: everywhere,
  setTabBarStyle: everywhere,
  // media and images
  createVideoContext: everywhere,
  createInnerAudioContext: everywhere,
  getBackgroundAudioManager: everywhere,
  playBackgroundAudio: everywhere,
  pauseBackgroundAudio: everywhere,
  stopBackgroundAudio: everywhere,
  getBackgroundAudioPlayerState: everywhere,
  onBackgroundAudioPlay: everywhere,
  onBackgroundAudioPause: everywhere,
  onBackgroundAudioStop: everywhere,
  previewImage: everywhere,
  getImageInfo: everywhere,
  compressImage: everywhere,
  saveImageToPhotosAlbum: everywhere,
  chooseImage: everywhere,
  chooseMedia: everywhere,
  // Douyin's own
  getMenuButtonLayout: everywhere,
  canIPutStuffOverComponent: everywhere,
  // animation
  createAnimation: everywhere,
  // routing
  navigateTo: everywhere,
  redirectTo: everywhere,
  navigateBack: everywhere,
  switchTab: everywhere,
  reLaunch: everywhere,
  // view queries
  createSelectorQuery: everywhere,
  // settings and consent
  getSetting: everywhere,
  openSetting: everywhere,
  authorize: everywhere,
  // device
  vibrateShort: everywhere,
  vibrateLong: everywhere,
  setKeepScreenOn: everywhere,
  setScreenBrightness: everywhere,
  getScreenBrightness: everywhere,
  setClipboardData: everywhere,
  getClipboardData: everywhere,
  // canvas: the legacy context is replayed by the view; the simulator has no pixels to read
  createCanvasContext: everywhere,
  createContext: everywhere,
  drawCanvas: everywhere,
  canvasToTempFilePath: browser,
  canvasGetImageData: browser,
  canvasPutImageData: browser,
  createOffscreenCanvas: browser,
  // component contexts, acting on the view's element
  createMapContext: everywhere,
  createLivePlayerContext: everywhere,
  createCameraContext: everywhere,
  createAudioContext: everywhere,
  // open capabilities: the super app's
  login: hosted,
  checkSession: hosted,
  getUserProfile: hosted,
  getUserInfo: hosted,
  pay: hosted,
  requestPayment: hosted,
  requestOrder: hosted,
  getOrderPayment: hosted,
  requestSubscribeMessage: hosted,
  openCustomerServiceChat: hosted,
  getLocation: ['browser', 'host', 'headless'],
  makePhoneCall: ['browser', 'host', 'headless'],
  scanCode: hosted,
  chooseLocation: hosted,
  openLocation: ['browser', 'host', 'headless'],
  chooseAddress: ['browser', 'host', 'headless'],
  showDouyinOpenAuth: hosted,
  navigateToMiniProgram: hosted,
  exitMiniProgram: hosted,
  // sensors: the host page's motion events (a headless run has no device)
  startAccelerometer: browser,
  stopAccelerometer: browser,
  onAccelerometerChange: browser,
  offAccelerometerChange: browser,
  startCompass: browser,
  stopCompass: browser,
  onCompassChange: browser,
  offCompassChange: browser,
  startGyroscope: browser,
  stopGyroscope: browser,
  onGyroscopeChange: browser,
  offGyroscopeChange: browser,
  startDeviceMotionListening: browser,
  stopDeviceMotionListening: browser,
  onDeviceMotionChange: browser,
  offDeviceMotionChange: browser,
  // location, followed by the host page's geolocation
  getFuzzyLocation: browser,
  startLocationUpdate: browser,
  startLocationUpdateBackground: browser,
  stopLocationUpdate: browser,
  onLocationChange: browser,
  offLocationChange: browser,
  onLocationChangeError: browser,
  offLocationChangeError: browser,
  onNetworkWeakChange: browser,
  offNetworkWeakChange: browser,
  // the phone's own: calendar, user verification, decoders; assets ahead of the page
  addPhoneCalendar: browser,
  addPhoneRepeatCalendar: browser,
  checkIsSupportSoterAuthentication: browser,
  checkIsSoterEnrolledInDevice: browser,
  checkDeviceSupportHevc: browser,
  preloadAssets: browser,
  getSelectedTextRange: browser,
  restartMiniProgram: browser,
  chooseLicensePlate: browser,
  openAppAuthorizeSetting: browser,
  onCopyUrl: browser,
  offCopyUrl: browser,
  startSoterAuthentication: browser,
  cropImage: browser,
  editImage: browser,
  checkIsPictureInPictureActive: browser,
  getVideoInfo: browser,
  preDownloadSubpackage: browser,
  showShareMenu: browser,
  hideHomeButton: browser,
  showShareImageMenu: browser,
  hideShareMenu: browser,
  updateShareMenu: browser,
  // battery and window
  getBatteryInfo: browser,
  getBatteryInfoSync: browser,
  onBatteryInfoChange: browser,
  offBatteryInfoChange: browser,
  onWindowResize: browser,
  offWindowResize: browser,
  // route events
  onBeforeAppRoute: everywhere,
  offBeforeAppRoute: everywhere,
  onAppRoute: everywhere,
  offAppRoute: everywhere,
  onAppRouteDone: everywhere,
  offAppRouteDone: everywhere,
  onBeforePageLoad: everywhere,
  offBeforePageLoad: everywhere,
  onAfterPageLoad: everywhere,
  offAfterPageLoad: everywhere,
  onBeforePageUnload: everywhere,
  offBeforePageUnload: everywhere,
  onAfterPageUnload: everywhere,
  offAfterPageUnload: everywhere,
  // the program's own running
  requestIdleCallback: everywhere,
  cancelIdleCallback: everywhere,
  getApiCategory: everywhere,
  onApiCategoryChange: everywhere,
  offApiCategoryChange: everywhere,
  getExtConfig: everywhere,
  getExtConfigSync: everywhere,
  getPrivacySetting: everywhere,
  requirePrivacyAuthorize: everywhere,
  onNeedPrivacyAuthorization: everywhere,
  reportPerformance: everywhere,
  performance: everywhere,
  // network and media, continued
  onSocketError: browser,
  seekBackgroundAudio: browser,
  chooseVideo: browser,
  chooseMessageFile: browser,
  saveVideoToPhotosAlbum: browser,
  previewMedia: browser,
  setInnerAudioOption: browser,
  playVoice: browser,
  pauseVoice: browser,
  stopVoice: browser,
  createBufferURL: browser,
  revokeBufferURL: browser,
  saveFileToDisk: browser,
  openDocument: browser,
  getRendererUserAgent: browser,
  // the user's own back asks first
  enableAlertBeforeUnload: browser,
  disableAlertBeforeUnload: browser,
  // keys pressed on the page (WeChat's PC members)
  onKeyDown: browser,
  offKeyDown: browser,
  onKeyUp: browser,
  offKeyUp: browser,
  onKeyboardHeightChange: browser,
  offKeyboardHeightChange: browser,
  // the vendors' own services, as a program sees them where none serves it (see MEMBER_NOTES)
  cloud: everywhere,
  createInterstitialAd: everywhere,
  createRewardedVideoAd: everywhere,
  // the microphone, through the host
  getRecorderManager: browser,
  startRecord: browser,
  stopRecord: browser,
} satisfies Record<string, readonly Availability[]>;

/** A member the registry names. */
export type ImplementedMember = keyof typeof IMPLEMENTED_MEMBERS;

/** Why a member that is not implemented cannot work here, by the first pattern it matches. */
const UNAVAILABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/Bluetooth|BLE|Beacon|Wifi|NFC|HCE|Nfc/, 'a web page reaches no Bluetooth, Wi-Fi or NFC radio'],
  [/^createCloud$/, "cloud development is the platform vendor's own service"],
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
