import { networkType } from './browser-host.ts';

type HostEvent = 'NetworkStatusChange' | 'ThemeChange';

/**
 * Forwards what the browser sees to the program: the network and the theme to its
 * `wx.onNetworkStatusChange` / `wx.onThemeChange` listeners, the page going out of sight and
 * back to `onHide`/`onShow` (`visible`). Returns what stops it.
 */
export function watchHostEvents(
  view: (Window & typeof globalThis) | null,
  emit: (event: HostEvent, payload: Record<string, unknown>) => void,
  visible: (shown: boolean) => void,
): () => void {
  if (!view) return () => undefined;
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
    doc.removeEventListener('visibilitychange', visibility);
    view.removeEventListener('online', network);
    view.removeEventListener('offline', network);
    dark?.removeEventListener('change', theme);
  };
}
