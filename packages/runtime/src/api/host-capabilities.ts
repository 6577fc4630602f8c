import type { CanvasAction } from './canvas/canvas-context.ts';
/**
 * What only the host may do for a mini program. The browser container, the super app and
 * the simulator each implement this one interface; across a worker boundary it travels as
 * `host.call` / `host.result` messages (see `remoteHost` and `serveHost`).
 *
 * A method rejects with a {@link HostRefusal} (or any Error) to fail the API call: its
 * message becomes the reason in `"<api>:fail <reason>"`.
 */
export interface HostCapabilities {
  /** The app's stored key/values, read once at launch into the logic layer's cache. */
  loadStorage(): Promise<Record<string, unknown>>;
  setStorage(key: string, value: unknown): Promise<void>;
  removeStorage(key: string): Promise<void>;
  clearStorage(): Promise<void>;

  /** The host applies the app's request-domain allow-list. */
  request(options: HostRequest): Promise<HostResponse>;

  showToast(options: {
    title: string;
    icon?: string;
    image?: string;
    duration?: number;
    mask?: boolean;
  }): Promise<void>;
  hideToast(): Promise<void>;
  showLoading(options: { title: string; mask?: boolean }): Promise<void>;
  hideLoading(): Promise<void>;
  showModal(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }>;
  showActionSheet(options: { itemList: string[]; itemColor?: string }): Promise<{ tapIndex: number }>;

  setNavigationBarTitle(options: { title: string }): Promise<void>;
  setNavigationBarColor(options: { frontColor: string; backgroundColor: string }): Promise<void>;
  startPullDownRefresh(): Promise<void>;
  stopPullDownRefresh(): Promise<void>;

  getSystemInfo(): Promise<SystemInfo>;

  login(options: { force?: boolean }): Promise<{ code: string; anonymousCode?: string; isLogin?: boolean }>;
  checkSession(): Promise<void>;
  /** Asks the user's consent to share their profile; rejects with `auth deny` on refusal. */
  getUserProfile(options: { desc?: string; lang?: string }): Promise<UserProfile>;
  /** The button `open-type="getPhoneNumber"` consent: a code the merchant's server exchanges. */
  getPhoneNumber(): Promise<{ code: string; encryptedData?: string; iv?: string }>;

  /** Douyin guaranteed payment: resolves with the cashier's outcome code (0 paid … 4 cancelled). */
  pay(options: {
    orderInfo: { order_id: string; order_token: string };
    service: number;
  }): Promise<{ code: number }>;
  /** WeChat payment: resolves when paid, rejects with `cancel` when the user backs out. */
  requestPayment(options: Record<string, unknown>): Promise<void>;
  /**
   * Douyin's trade system: the merchant's signed order `data` (checked by the platform with
   * `byteAuthorization`) becomes the user's order. Rejects with the platform's reason.
   */
  requestOrder(options: { data: string; byteAuthorization: string }): Promise<{
    orderId: string;
    itemOrderList: Array<{ itemOrderId: string; skuId: string; price: number }>;
  }>;
  /** The cashier for an order `requestOrder` made: the outcome code, as `pay`'s (0 paid … 4 cancelled). */
  getOrderPayment(options: { orderId: string }): Promise<{ code: number }>;
  /**
   * The host's subscription sheet: each id's answer (`filter`: a repeated title). Refuses
   * with the dialects' reasons (`Templates type must be same`, …), mapped to their errCodes.
   */
  requestSubscribeMessage(options: {
    tmplIds: string[];
  }): Promise<Record<string, 'accept' | 'reject' | 'ban' | 'filter'>>;

  /** Where the user is; `fuzzy` rounds it to about a kilometre before it leaves the host. */
  getLocation(options: { type?: string; fuzzy?: boolean }): Promise<Location>;
  /**
   * Follows the user's location for the app (`background` keeps following while the program is
   * hidden); each fix comes as `host.event` `LocationChange`, a lost one as `LocationChangeError`.
   */
  locationUpdates(options: { running: boolean; background: boolean; type: string }): Promise<void>;
  /** Adds an event to the user's calendar (`wx.addPhoneCalendar`), times in unix seconds. */
  addCalendarEvent(event: CalendarEvent): Promise<void>;
  /**
   * Ends the program and starts it again at `path` (`pages/index/index?from=restart`): launch
   * runs anew, the page stack is gone. Rejects when the package declares no such page.
   */
  restart(options: { path: string }): Promise<void>;
  /** Takes the home button off the page on top's navigation bar (`wx.hideHomeButton`). */
  hideHomeButton(): Promise<void>;
  /**
   * Shows or hides Share in the host's menu for the page on top (`wx.showShareMenu`), or, with
   * `shown` left out, changes only its settings (`wx.updateShareMenu`: `withShareTicket`…).
   */
  shareMenu(options: { shown?: boolean; settings?: Record<string, unknown> }): Promise<void>;
  /** The host's sheet of the app's system permissions, as the browser reports them. */
  openAppAuthorizeSetting(): Promise<void>;
  /** Copies the link that opens `path` with `query` (`a=1&b=2`) to the clipboard (menu's Copy link). */
  copyPageLink(options: { path: string; query: string }): Promise<void>;
  /**
   * Verifies the user with the platform authenticator, signing `challenge`; rejects when no
   * authenticator or no enrolled user can.
   */
  soterAuthentication(options: {
    challenge: string;
    authContent: string;
    authMode: 'fingerPrint' | 'facial';
  }): Promise<SoterAssertion>;
  /** The user crops the image in the host's sheet (to `scale`, `16:9`…, when given); a PNG in base64. */
  cropImage(options: { src: string; scale?: string }): Promise<{ data: string }>;
  /** What a `<video>` loading `src` in the host learns: seconds, pixels, the response's type and bytes. */
  videoInfo(options: { src: string }): Promise<{
    duration: number;
    width: number;
    height: number;
    type: string;
    size: number;
  }>;
  /** The user enters a Chinese licence plate number in the host's sheet; rejects with `cancel`. */
  chooseLicensePlate(): Promise<{ plateNumber: string }>;
  /** Whether the device can verify its user (`userVerification`) or decode HEVC video (`hevc`). */
  deviceAbility(options: { ability: 'userVerification' | 'hevc' }): Promise<boolean>;
  /**
   * Opens the chat between the user and the merchant (`<button open-type="contact">`,
   * `openCustomerServiceChat`): `path` is the page it was opened from (`pages/x/x?id=1`),
   * shown to the merchant as a card when `showCard`. Resolves once the chat is open.
   */
  openCustomerServiceChat(options: { path: string; title: string; showCard: boolean }): Promise<void>;

  makePhoneCall(options: { phoneNumber: string }): Promise<void>;
  setClipboardData(options: { data: string }): Promise<void>;
  getClipboardData(): Promise<{ data: string }>;

  /** `wifi`, `4g`…, `none` offline, `unknown` when the host cannot tell. */
  getNetworkType(): Promise<{ networkType: string }>;
  vibrate(options: { type: 'short' | 'long' }): Promise<void>;
  setKeepScreenOn(options: { keepScreenOn: boolean }): Promise<void>;
  /** Brightness from 0 to 1. */
  setScreenBrightness(options: { value: number }): Promise<void>;
  getScreenBrightness(): Promise<{ value: number }>;
  /** The user's answers for this app, by scope (`scope.userLocation`: true). */
  getSetting(): Promise<{ authSetting: Record<string, boolean> }>;
  /** Asks the user for `scope` (once; the answer is remembered); rejects with `auth deny`. */
  authorize(options: { scope: string }): Promise<void>;
  showNavigationBarLoading(options: { loading: boolean }): Promise<void>;
  /** The app's kept files (user data and saved files), base64, read once at launch. */
  loadFiles(): Promise<Record<string, { data: string; createTime: number }>>;
  writeFile(options: { path: string; data: string; createTime: number }): Promise<void>;
  removeFile(options: { path: string }): Promise<void>;
  /** Fetches a file (the request allow-list applies); the body in base64. */
  download(options: { url: string; header: Record<string, string>; timeout?: number }): Promise<{
    statusCode: number;
    header: Record<string, string>;
    data: string;
  }>;
  /** Posts a file as multipart form data (the request allow-list applies). */
  upload(options: {
    url: string;
    header: Record<string, string>;
    name: string;
    fileName: string;
    data: string;
    formData: Record<string, string>;
    timeout?: number;
  }): Promise<{ statusCode: number; header: Record<string, string>; data: string }>;
  /** Opens a WebSocket for the app (its socket domains apply); its events come as `host.event` `Socket`. */
  socketConnect(options: { id: number; url: string; protocols: string[] }): Promise<void>;
  socketSend(options: { id: number; text?: string; base64?: string }): Promise<void>;
  socketClose(options: { id: number; code: number; reason: string }): Promise<void>;
  // ── the super app's own: the plain container refuses these ──
  scanCode(options: {
    onlyFromCamera: boolean;
    scanType: string[];
  }): Promise<{ result: string; scanType: string }>;
  chooseLocation(options: { latitude?: number; longitude?: number }): Promise<{
    name: string;
    address: string;
    latitude: number;
    longitude: number;
  }>;
  openLocation(options: {
    latitude: number;
    longitude: number;
    name?: string;
    address?: string;
    scale?: number;
  }): Promise<void>;
  chooseAddress(): Promise<Record<string, string>>;
  /** Douyin's account consent; resolves with the ticket the merchant's server exchanges. */
  showDouyinOpenAuth(options: {
    scopes: Record<string, number>;
  }): Promise<{ ticket: string; grantPermissions: string[] }>;
  navigateToMiniProgram(options: { appId: string; path: string; extraData: unknown }): Promise<void>;
  exitMiniProgram(): Promise<void>;
  /** Plays audio for the program in the host page; events come back as `host.event` `Audio`. */
  audioCommand(options: {
    id: number;
    action: 'set' | 'play' | 'pause' | 'stop' | 'seek' | 'destroy';
    props: AudioProps;
    value?: number;
  }): Promise<void>;
  /** Shows images full screen (network URLs or data URLs of the app's files). */
  previewImage(options: { urls: string[]; current: string }): Promise<void>;
  getImageInfo(options: { src: string }): Promise<{ width: number; height: number; type: string }>;
  /** Re-encodes an image as JPEG at `quality` (0–100), at most `width` wide; the bytes in base64. */
  compressImage(options: { src: string; quality: number; width?: number }): Promise<{ data: string }>;
  /** Keeps an image for the user (the photo album); asks consent for `scope.writePhotosAlbum`. */
  saveImage(options: { data: string; name: string }): Promise<void>;
  /** The user picks files (`image/*`, `video/*`); rejects with `cancel`. Contents in base64. */
  chooseFiles(options: {
    accept: string;
    count: number;
  }): Promise<Array<{ name: string; type: string; data: string }>>;
  /**
   * A command on the page on top (scroll, blur, background, font, canvas, context calls);
   * resolves with what the view answers (image data, a context method's result) and rejects
   * with the reason it failed.
   */
  viewCommand(command: ViewCommand): Promise<unknown>;
  /** A program's change to the tab bar; rejects (`tabbar item not found`) when it cannot apply. */
  updateTabBar(change: TabBarChange): Promise<void>;
  /** An event for the app's funnel analytics. */
  reportAnalytics(options: { event: string; data: Record<string, unknown> }): Promise<void>;
  /**
   * Starts or stops one of the device's motion sensors for the app; while it runs, readings come
   * as `host.event` `Sensor` at about the interval asked. Rejects when the device has none.
   */
  sensor(options: { kind: SensorKind; running: boolean; interval: SensorInterval }): Promise<void>;
  /** The battery's charge (0–100) and whether it charges; rejects when the host cannot tell. */
  getBatteryInfo(): Promise<BatteryInfo>;
  /** Hands the user one of the app's files to keep on their computer (`wx.saveFileToDisk`). */
  saveToDisk(options: { data: string; name: string }): Promise<void>;
  /**
   * Shows the user one of the app's documents (`wx.openDocument`): PDF, Word, Excel or
   * PowerPoint, `type` their MIME type, never one the browser would run.
   */
  openDocument(options: { data: string; type: string; name: string }): Promise<void>;
  /** The user agent of the browser the pages render in (the logic layer's sandbox has none). */
  rendererUserAgent(): Promise<{ userAgent: string }>;
  /**
   * Records the microphone for the app (after the user's `scope.record` consent): `start` for at
   * most `duration` ms, `pause`, `resume`, `stop`; the recording comes as `host.event` `Recorder`.
   */
  recorder(options: { action: 'start' | 'pause' | 'resume' | 'stop'; duration: number }): Promise<void>;
}

/** A recording that ended (its bytes in base64, its length in ms), or why it failed. */
export interface RecorderEvent {
  kind: 'stop' | 'error';
  data?: string;
  type?: string;
  duration?: number;
  errMsg?: string;
}

/** The motion sensors of `wx.startAccelerometer`, `wx.startCompass`, `wx.startGyroscope`, `wx.startDeviceMotionListening`. */
export type SensorKind = 'accelerometer' | 'compass' | 'gyroscope' | 'deviceMotion';
/** The dialects' listening rates: `game` about 20 ms, `ui` about 60 ms, `normal` about 200 ms. */
export type SensorInterval = 'game' | 'ui' | 'normal';

/** One reading of a sensor, in the dialects' units (g, degrees, rad/s). */
export interface SensorReading {
  kind: SensorKind;
  values: Record<string, number | string>;
}

export interface BatteryInfo {
  level: number;
  isCharging: boolean;
}

export type HostMethod = keyof HostCapabilities;

/** One change an intersection observer saw, as the view reports it (rectangles in CSS pixels). */
export interface IntersectionEntry {
  id: number;
  intersectionRatio: number;
  intersectionRect: Rect;
  boundingClientRect: Rect;
  relativeRect: Rect;
  time: number;
  dataset: Record<string, string>;
  targetId: string;
}

export interface Rect {
  top: number;
  right: number;
  bottom: number;
  left: number;
  width: number;
  height: number;
}

/** What a `VideoContext` asks of its `<video>`. */
export type MediaAction =
  | 'play'
  | 'pause'
  | 'stop'
  | 'seek'
  | 'playbackRate'
  | 'requestFullScreen'
  | 'exitFullScreen';

/** An audio's settings, as the program set them. */
export interface AudioProps {
  src: string;
  startTime: number;
  autoplay: boolean;
  loop: boolean;
  volume: number;
  playbackRate: number;
}

/** What happened to an audio the host plays. */
export interface AudioEvent {
  id: number;
  kind:
    | 'Canplay'
    | 'Play'
    | 'Pause'
    | 'Stop'
    | 'Ended'
    | 'TimeUpdate'
    | 'Error'
    | 'Waiting'
    | 'Seeking'
    | 'Seeked';
  currentTime?: number;
  duration?: number;
  errMsg?: string;
}

/** What happened on one of the app's sockets, as the host reports it. */
export interface SocketEvent {
  id: number;
  kind: 'open' | 'message' | 'error' | 'close';
  text?: string;
  base64?: string;
  code?: number;
  reason?: string;
}

/** What `wx.pageScrollTo`, `wx.hideKeyboard`, `wx.setBackgroundColor`, `wx.setBackgroundTextStyle` and `wx.loadFontFace` ask of the page's view. */
export type ViewCommand =
  | { kind: 'scroll'; scrollTop?: number; selector?: string; offsetTop?: number; duration: number }
  | { kind: 'blur' }
  /** Answers `{ start, end }`: the caret or selection of the focused field. */
  | { kind: 'selection' }
  | {
      kind: 'observe';
      id: number;
      selector: string;
      relativeTo?: string;
      margins: { top: number; right: number; bottom: number; left: number };
      thresholds: number[];
      observeAll: boolean;
    }
  | { kind: 'unobserve'; id: number }
  | { kind: 'media'; id: string; action: MediaAction; value?: number }
  | { kind: 'background'; color?: string; textStyle?: string }
  /** Loads images and fonts into the page's cache before the page shows them (`wx.preloadAssets`). */
  | { kind: 'preload'; assets: Array<{ type: 'image' | 'font'; src: string }> }
  | {
      kind: 'font';
      family: string;
      /** `url("https://…")` or `local(…)`. */
      source: string;
      descriptors: { style?: string; weight?: string; variant?: string };
    }
  | CanvasCommand
  | ContextCommand
  | AnimateCommand;

/** What the legacy canvas calls ask of the page's `<canvas canvas-id>`; `image` loads one for a 2d canvas node. */
export type CanvasCommand =
  /** Replays recorded calls; without `reserve` the canvas is cleared first. */
  | { kind: 'canvas.draw'; canvasId: string; actions: CanvasAction[]; reserve: boolean }
  /** Answers `{ data }`: the region as a PNG or JPEG, base64. */
  | {
      kind: 'canvas.export';
      canvasId: string;
      x: number;
      y: number;
      width?: number;
      height?: number;
      destWidth?: number;
      destHeight?: number;
      fileType: 'png' | 'jpg';
      quality: number;
    }
  /** Answers `{ width, height, data: Uint8ClampedArray }`. */
  | { kind: 'canvas.getImageData'; canvasId: string; x: number; y: number; width: number; height: number }
  | {
      kind: 'canvas.putImageData';
      canvasId: string;
      x: number;
      y: number;
      width: number;
      height: number;
      data: Uint8ClampedArray;
    }
  /** Answers an `ImageBitmap` the view decoded (tainted when the image is another origin's). */
  | { kind: 'image'; src: string };

/**
 * A method of a component's context (`MapContext`, `EditorContext`, `LivePlayerContext`…) on
 * the page's element: named by `token` (a node a selector query handed out) or by the
 * component's tag and `id`. Answers what the component answers.
 */
export interface ContextCommand {
  kind: 'context';
  component: string;
  id?: string;
  token?: string;
  method: string;
  args: Record<string, unknown>;
}

/** `this.animate(selector, keyframes, duration)` and `this.clearAnimation(selector)` on the page's elements. */
export type AnimateCommand =
  | {
      kind: 'animate';
      selector: string;
      keyframes: Array<Record<string, string | number | Array<string | number>>>;
      duration: number;
    }
  | { kind: 'animate.clear'; selector: string; properties?: string[] };

/** What `wx.setTabBarBadge`, `wx.showTabBarRedDot`, `wx.hideTabBar`, `wx.setTabBarItem`, `wx.setTabBarStyle`… change. */
export type TabBarChange =
  | { kind: 'badge'; index: number; text?: string }
  | { kind: 'dot'; index: number; shown: boolean }
  | { kind: 'visible'; visible: boolean }
  | { kind: 'item'; index: number; item: { text?: string; iconPath?: string; selectedIconPath?: string } }
  | {
      kind: 'style';
      style: { color?: string; selectedColor?: string; backgroundColor?: string; borderStyle?: string };
    };

export interface HostRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: unknown;
  timeout?: number;
  responseType?: 'text' | 'arraybuffer';
}

export interface HostResponse {
  statusCode: number;
  header: Record<string, string>;
  /** The body: a string, or already-parsed JSON. */
  data: unknown;
}

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
  editable?: boolean;
  placeholderText?: string;
}

export interface UserProfile {
  userInfo: {
    nickName: string;
    avatarUrl: string;
    gender?: number;
    city?: string;
    province?: string;
    country?: string;
    language?: string;
  };
  rawData?: string;
  signature?: string;
  encryptedData?: string;
  iv?: string;
}

export interface SystemInfo {
  brand: string;
  model: string;
  pixelRatio: number;
  screenWidth: number;
  screenHeight: number;
  windowWidth: number;
  windowHeight: number;
  statusBarHeight: number;
  language: string;
  version: string;
  system: string;
  platform: string;
  SDKVersion: string;
  appName: string;
  safeArea: { left: number; right: number; top: number; bottom: number; width: number; height: number };
}

/** A host's refusal, carrying the reason the mini program sees after `:fail `. */
export class HostRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'HostRefusal';
  }
}

/** A location fix in the dialects' fields (metres, metres per second). */
export interface Location {
  latitude: number;
  longitude: number;
  accuracy?: number;
  altitude?: number;
  speed?: number;
  verticalAccuracy?: number;
  horizontalAccuracy?: number;
}

/** An event for the user's calendar, as `wx.addPhoneCalendar` and `wx.addPhoneRepeatCalendar` give it. */
export interface CalendarEvent {
  title: string;
  startTime: number;
  endTime?: number;
  allDay: boolean;
  description: string;
  location: string;
  alarm: boolean;
  /** Seconds before the start. */
  alarmOffset: number;
  repeatInterval?: string;
  repeatEndTime?: number;
}

/** A user verification by the platform authenticator, in SOTER's terms. */
export interface SoterAssertion {
  authMode: 'fingerPrint' | 'facial';
  /** JSON: `raw` (the challenge), `fid`, `counter`, `tee_n`, `tee_v`, `fp_n`, `fp_v`, `cpu_id`, `uid`. */
  resultJSON: string;
  /** The authenticator's signature over its data and the result's hash, base64. */
  resultJSONSignature: string;
}

/** Names of every host capability, for proxies that forward calls. */
export const HOST_METHODS: readonly HostMethod[] = [
  'loadStorage',
  'setStorage',
  'removeStorage',
  'clearStorage',
  'request',
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'showModal',
  'showActionSheet',
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'startPullDownRefresh',
  'stopPullDownRefresh',
  'getSystemInfo',
  'login',
  'checkSession',
  'getUserProfile',
  'getPhoneNumber',
  'pay',
  'requestPayment',
  'requestOrder',
  'getOrderPayment',
  'requestSubscribeMessage',
  'openCustomerServiceChat',
  'getLocation',
  'locationUpdates',
  'addCalendarEvent',
  'deviceAbility',
  'restart',
  'chooseLicensePlate',
  'openAppAuthorizeSetting',
  'copyPageLink',
  'soterAuthentication',
  'cropImage',
  'videoInfo',
  'shareMenu',
  'hideHomeButton',
  'makePhoneCall',
  'setClipboardData',
  'getClipboardData',
  'getNetworkType',
  'vibrate',
  'setKeepScreenOn',
  'setScreenBrightness',
  'getScreenBrightness',
  'getSetting',
  'authorize',
  'showNavigationBarLoading',
  'loadFiles',
  'writeFile',
  'removeFile',
  'download',
  'upload',
  'socketConnect',
  'socketSend',
  'socketClose',
  'scanCode',
  'chooseLocation',
  'openLocation',
  'chooseAddress',
  'showDouyinOpenAuth',
  'navigateToMiniProgram',
  'exitMiniProgram',
  'audioCommand',
  'previewImage',
  'getImageInfo',
  'compressImage',
  'saveImage',
  'chooseFiles',
  'viewCommand',
  'updateTabBar',
  'reportAnalytics',
  'sensor',
  'getBatteryInfo',
  'saveToDisk',
  'rendererUserAgent',
  'recorder',
  'openDocument',
];

/** A phone-sized screen, for hosts that have no real one (tests, the simulator). */
export const DEFAULT_SYSTEM_INFO: SystemInfo = {
  brand: 'plaza',
  model: 'simulator',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '1.0.0',
  system: 'Plaza 1.0',
  platform: 'plaza',
  SDKVersion: '3.0.0',
  appName: 'Plaza',
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
};
