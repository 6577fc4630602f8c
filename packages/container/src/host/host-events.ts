import { networkType } from './browser-host.ts';

type HostEvent =
  | 'NetworkStatusChange'
  | 'NetworkWeakChange'
  | 'ThemeChange'
  | 'Battery'
  | 'WindowResize'
  | 'KeyboardHeightChange';

/**
 * Forwards what the browser sees to the program: the network and the theme to its
 * `wx.onNetworkStatusChange` / `wx.onThemeChange` listeners (and a connection turning slow or
 * fast again to `wx.onNetworkWeakChange`), the battery to
 * `wx.onBatteryInfoChange` (and `wx.getBatteryInfoSync`), the container's size to
 * `wx.onWindowResize`, the page going out of sight and back to `onHide`/`onShow` (`visible`).
 * Returns what stops it.
 */
export function watchHostEvents(
  view: (Window & typeof globalThis) | null,
  emit: (event: HostEvent, payload: Record<string, unknown>) => void,
  visible: (shown: boolean) => void,
  screen?: HTMLElement,
): () => void {
  if (!view) return () => undefined;
  const stopBattery = watchBattery(view, emit);
  let size = screen ? { windowWidth: screen.clientWidth, windowHeight: screen.clientHeight } : undefined;
  const resized = new view.ResizeObserver(() => {
    if (!screen || !size) return;
    const now = { windowWidth: screen.clientWidth, windowHeight: screen.clientHeight };
    if (now.windowWidth === size.windowWidth && now.windowHeight === size.windowHeight) return;
    size = now;
    emit('WindowResize', { size: { ...now } });
  });
  if (screen) resized.observe(screen);
  const stopKeyboard = watchKeyboard(view, emit);
  const stopWeak = watchWeakNetwork(view, emit);
  const network = () => {
    const type = networkType();
    emit('NetworkStatusChange', { isConnected: type !== 'none', networkType: type });
  };
  const dark = view.matchMedia?.('(prefers-color-scheme: dark)');
  const theme = () => emit('ThemeChange', { theme: dark?.matches ? 'dark' : 'light' });
  const doc = view.document;
  let shown = doc.visibilityState !== 'hidden';
  const visibility = () => {
    const now = doc.visibilityState !== 'hidden';
    if (now === shown) return;
    shown = now;
    visible(now);
  };
  doc.addEventListener('visibilitychange', visibility);
  view.addEventListener('online', network);
  view.addEventListener('offline', network);
  dark?.addEventListener('change', theme);
  return () => {
    stopBattery();
    stopKeyboard();
    stopWeak();
    resized.disconnect();
    doc.removeEventListener('visibilitychange', visibility);
    view.removeEventListener('online', network);
    view.removeEventListener('offline', network);
    dark?.removeEventListener('change', theme);
  };
}

/** Chromium's Battery Status API, where the browser has it. */
interface BatteryManager extends EventTarget {
  level: number;
  charging: boolean;
}

/** The battery's first reading (for the synchronous member) and each change after it. */
function watchBattery(
  view: Window & typeof globalThis,
  emit: (event: 'Battery', payload: Record<string, unknown>) => void,
): () => void {
  const nav = view.navigator as Navigator & { getBattery?: () => Promise<BatteryManager> };
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  nav
    .getBattery?.()
    .then((battery) => {
      if (stopped) return;
      const read = (changed: boolean) =>
        emit('Battery', { level: Math.round(battery.level * 100), isCharging: battery.charging, changed });
      const changed = () => read(true);
      battery.addEventListener('levelchange', changed);
      battery.addEventListener('chargingchange', changed);
      stop = () => {
        battery.removeEventListener('levelchange', changed);
        battery.removeEventListener('chargingchange', changed);
      };
      read(false);
    })
    .catch(() => {
      // No battery to read (the API is off in this browser): the synchronous member answers its default.
    });
  return () => stop();
}

/**
 * The on-screen keyboard's height (`wx.onKeyboardHeightChange`): what it hides of the host
 * page's layout viewport, read from the visual viewport when the page is not zoomed (a pinch
 * shrinks the visual viewport too). A desktop browser has none, so it stays 0 and says nothing.
 */
function watchKeyboard(
  view: Window & typeof globalThis,
  emit: (event: 'KeyboardHeightChange', payload: Record<string, unknown>) => void,
): () => void {
  const viewport = view.visualViewport;
  if (!viewport) return () => undefined;
  let height = 0;
  const resized = () => {
    if (Math.abs(viewport.scale - 1) > 0.01) return;
    const now = Math.max(0, Math.round(view.innerHeight - viewport.height - viewport.offsetTop));
    if (now === height) return;
    height = now;
    emit('KeyboardHeightChange', { height, duration: 0 });
  };
  viewport.addEventListener('resize', resized);
  return () => viewport.removeEventListener('resize', resized);
}

/** The Network Information API, where the browser has it. */
interface NetworkInformation extends EventTarget {
  effectiveType?: string;
}

/**
 * A weak connection as the platforms mean it: one the browser measures as 2G or slower
 * (`effectiveType`, from the round trips and throughput it sees). Said when it turns weak
 * and when it recovers, with the network type.
 */
function watchWeakNetwork(
  view: Window & typeof globalThis,
  emit: (event: 'NetworkWeakChange', payload: Record<string, unknown>) => void,
): () => void {
  const connection = (view.navigator as Navigator & { connection?: NetworkInformation }).connection;
  if (!connection) return () => undefined;
  const weakNow = () => connection.effectiveType === '2g' || connection.effectiveType === 'slow-2g';
  let weak = weakNow();
  const changed = () => {
    if (weakNow() === weak) return;
    weak = !weak;
    emit('NetworkWeakChange', { weakNet: weak, networkType: networkType() });
  };
  connection.addEventListener('change', changed);
  return () => connection.removeEventListener('change', changed);
}
