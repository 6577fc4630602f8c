import { isPlainObject } from '../data/plain-data.ts';
import { API_EVENTS, type ApiEvents } from './api-events.ts';
import type { ApiContext } from './create-api.ts';
import type { TabBarChange, ViewCommand } from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A hex colour, the only form the dialects document for the tab bar (`#rgb`, `#rrggbb`). */
const CSS_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** App events, network, consent records, the device's vibration, screen and chrome loading. */
export function installDeviceMembers(api: Api, ctx: ApiContext, define: Define, events: ApiEvents): void {
  for (const event of API_EVENTS) {
    api[`on${event}`] = (listener: unknown) => events.on(event, listener);
    api[`off${event}`] = (listener?: unknown) => events.off(event, listener);
  }
  // A video of the program's in picture-in-picture, as the view reports its videos' way in and out.
  let pictureInPicture = false;
  events.on('PictureInPicture', (payload: { active?: unknown }) => {
    pictureInPicture = payload.active === true;
  });
  api.checkIsPictureInPictureActive = () => pictureInPicture;
  define('getNetworkType', () => ctx.host.getNetworkType());

  // ── settings and consent: the platform's records, kept by the host ──
  define('getSetting', () => ctx.host.getSetting());
  define('openSetting', () => ctx.host.getSetting());
  define('openAppAuthorizeSetting', () => ctx.host.openAppAuthorizeSetting());
  define('authorize', async (o) => {
    const scope = str(o.scope);
    if (!/^scope\.[A-Za-z.]+$/.test(scope)) throw new Error(`invalid scope "${scope}"`);
    await ctx.host.authorize({ scope });
  });
  api.getAppAuthorizeSetting = () => ({
    albumAuthorized: 'not determined',
    bluetoothAuthorized: 'not determined',
    cameraAuthorized: 'not determined',
    locationAuthorized: 'not determined',
    microphoneAuthorized: 'not determined',
    notificationAuthorized: 'not determined',
    phoneCalendarAuthorized: 'not determined',
  });

  // ── device ──
  define('vibrateShort', () => ctx.host.vibrate({ type: 'short' }));
  define('vibrateLong', () => ctx.host.vibrate({ type: 'long' }));
  define('setKeepScreenOn', (o) => ctx.host.setKeepScreenOn({ keepScreenOn: !!o.keepScreenOn }));
  define('setScreenBrightness', (o) => {
    const value = typeof o.value === 'number' ? o.value : Number.NaN;
    if (!(value >= 0 && value <= 1)) throw new Error('invalid value: brightness is between 0 and 1');
    return ctx.host.setScreenBrightness({ value });
  });
  define('getScreenBrightness', () => ctx.host.getScreenBrightness());

  // ── navigation bar loading ──
  define('showNavigationBarLoading', () => ctx.host.showNavigationBarLoading({ loading: true }));
  define('hideNavigationBarLoading', () => ctx.host.showNavigationBarLoading({ loading: false }));

  // ── the super app's own ──
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  define('scanCode', (o) =>
    ctx.host.scanCode({
      onlyFromCamera: !!o.onlyFromCamera,
      scanType: Array.isArray(o.scanType) ? o.scanType.map(String) : ['barCode', 'qrCode'],
    }),
  );
  define('chooseLocation', (o) =>
    ctx.host.chooseLocation({ latitude: num(o.latitude), longitude: num(o.longitude) }),
  );
  define('openLocation', (o) => {
    const latitude = num(o.latitude);
    const longitude = num(o.longitude);
    if (
      latitude === undefined ||
      longitude === undefined ||
      Math.abs(latitude) > 90 ||
      Math.abs(longitude) > 180
    )
      throw new Error('invalid latitude or longitude');
    return ctx.host.openLocation({
      latitude,
      longitude,
      name: str(o.name),
      address: str(o.address),
      scale: num(o.scale),
    });
  });
  define('chooseAddress', () => ctx.host.chooseAddress());
  define('showDouyinOpenAuth', (o) => {
    const scopes = isPlainObject(o.scopes) ? o.scopes : {};
    const asked = Object.fromEntries(
      Object.entries(scopes).filter(([, v]) => v === 0 || v === 1 || v === 2),
    ) as Record<string, number>;
    if (Object.keys(asked).length === 0) throw new Error('scopes should not be empty');
    return ctx.host.showDouyinOpenAuth({ scopes: asked });
  });
  define('navigateToMiniProgram', (o) => {
    const appId = str(o.appId);
    if (!appId) throw new Error('appId should not be empty');
    return ctx.host.navigateToMiniProgram({ appId, path: str(o.path), extraData: o.extraData ?? {} });
  });
  define('exitMiniProgram', () => ctx.host.exitMiniProgram());

  // ── the page's view ──
  const view = (command: ViewCommand) => ctx.host.viewCommand(command);
  define('pageScrollTo', (o) => {
    const selector = str(o.selector);
    // Only plain id and class selectors: the page's own elements, nothing the host page holds.
    if (selector && !/^[#.][A-Za-z_][\w-]*$/.test(selector))
      throw new Error(`invalid selector "${selector}"`);
    return view({
      kind: 'scroll',
      ...(selector ? { selector } : { scrollTop: typeof o.scrollTop === 'number' ? o.scrollTop : 0 }),
      ...(typeof o.offsetTop === 'number' ? { offsetTop: o.offsetTop } : {}),
      duration: typeof o.duration === 'number' ? o.duration : 300,
    });
  });
  define('hideKeyboard', () => view({ kind: 'blur' }));
  define('hideHomeButton', () => ctx.host.hideHomeButton());
  // The settings travel with a share from the menu: plain data only, never the callbacks.
  const shareSettings = (o: Options) => {
    const { success: _s, fail: _f, complete: _c, ...rest } = o;
    return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  };
  define('showShareMenu', (o) => ctx.host.shareMenu({ shown: true, settings: shareSettings(o) }));
  define('hideShareMenu', () => ctx.host.shareMenu({ shown: false }));
  define('updateShareMenu', (o) => ctx.host.shareMenu({ settings: shareSettings(o) }));
  define('getSelectedTextRange', () => view({ kind: 'selection' }));
  define('restartMiniProgram', (o) => {
    const path = str(o.path).replace(/^\/+/, '');
    if (!path) throw new Error('path should not be empty');
    return ctx.host.restart({ path });
  });
  define('setBackgroundColor', (o) => {
    const color = str(o.backgroundColor);
    if (color && !CSS_COLOUR.test(color)) throw new Error(`invalid backgroundColor "${color}"`);
    return view({ kind: 'background', ...(color ? { color } : {}) });
  });
  define('setBackgroundTextStyle', (o) => {
    const textStyle = str(o.textStyle);
    if (textStyle !== 'dark' && textStyle !== 'light') throw new Error(`invalid textStyle "${textStyle}"`);
    return view({ kind: 'background', textStyle });
  });
  define('preloadAssets', (o) => {
    const assets = (Array.isArray(o.data) ? o.data : []).map((asset: unknown) => {
      const a = isPlainObject(asset) ? asset : {};
      const src = str(a.src);
      if ((a.type !== 'image' && a.type !== 'font') || !/^(https?:|data:)[^"'()\s\\]+$/.test(src))
        throw new Error(`invalid asset ${JSON.stringify(asset)}`);
      return { type: a.type as 'image' | 'font', src };
    });
    if (assets.length === 0) throw new Error('data should not be empty');
    return view({ kind: 'preload', assets });
  });
  define('loadFontFace', (o) => {
    const family = str(o.family);
    const source = str(o.source);
    if (!family || /["\\]/.test(family)) throw new Error('invalid family');
    // `url("…")` of an https/data font, or a bare URL the dialects also accept.
    const url = /^url\(\s*["']?([^"')]+)["']?\s*\)$/.exec(source)?.[1] ?? source;
    if (!/^(https?:|data:font\/)[^"'()\s\\]+$/.test(url)) throw new Error(`invalid source "${source}"`);
    const d = isPlainObject(o.desc) ? o.desc : {};
    return view({
      kind: 'font',
      family,
      source: `url("${url}")`,
      descriptors: {
        ...(typeof d.style === 'string' ? { style: d.style } : {}),
        ...(typeof d.weight === 'string' ? { weight: d.weight } : {}),
        ...(typeof d.variant === 'string' ? { variant: d.variant } : {}),
      },
    });
  });

  // ── tab bar ──
  const index = (o: Options) => {
    const i = o.index;
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0) throw new Error('tabbar item not found');
    return i;
  };
  const bar = (change: TabBarChange) => ctx.host.updateTabBar(change);
  define('setTabBarBadge', (o) => {
    // The platforms show at most four characters.
    return bar({ kind: 'badge', index: index(o), text: str(o.text).slice(0, 4) });
  });
  define('removeTabBarBadge', (o) => bar({ kind: 'badge', index: index(o) }));
  define('showTabBarRedDot', (o) => bar({ kind: 'dot', index: index(o), shown: true }));
  define('hideTabBarRedDot', (o) => bar({ kind: 'dot', index: index(o), shown: false }));
  define('showTabBar', () => bar({ kind: 'visible', visible: true }));
  define('hideTabBar', () => bar({ kind: 'visible', visible: false }));
  define('setTabBarItem', (o) =>
    bar({
      kind: 'item',
      index: index(o),
      item: {
        ...(typeof o.text === 'string' ? { text: o.text } : {}),
        ...(typeof o.iconPath === 'string' ? { iconPath: o.iconPath } : {}),
        ...(typeof o.selectedIconPath === 'string' ? { selectedIconPath: o.selectedIconPath } : {}),
      },
    }),
  );
  define('setTabBarStyle', (o) => {
    const style: Record<string, string> = {};
    for (const key of ['color', 'selectedColor', 'backgroundColor', 'borderStyle'] as const) {
      const value = o[key];
      if (typeof value !== 'string') continue;
      if (key !== 'borderStyle' && !CSS_COLOUR.test(value)) throw new Error(`invalid ${key} "${value}"`);
      style[key] = value;
    }
    return bar({ kind: 'style', style });
  });

  // ── batch storage, on the same cache as the single-key calls ──
  const { storage } = ctx;
  const pairs = (list: unknown) =>
    (Array.isArray(list) ? list : []).filter(isPlainObject).map((kv) => [String(kv.key), kv.value] as const);
  api.batchSetStorageSync = (list: unknown) => {
    for (const [key, value] of pairs(list)) storage.set(key, value).catch(() => undefined);
  };
  api.batchGetStorageSync = (keys: unknown) =>
    (Array.isArray(keys) ? keys : []).map((k) => (storage.has(String(k)) ? storage.get(String(k)) : ''));
  define('batchSetStorage', async (o) => {
    await Promise.all(pairs(o.kvList).map(([key, value]) => storage.set(key, value)));
  });
  define('batchGetStorage', (o) => ({
    dataList: (Array.isArray(o.keyList) ? o.keyList : []).map((k) =>
      storage.has(String(k)) ? storage.get(String(k)) : '',
    ),
  }));
}
