import { networkType } from './browser-host.ts';

type HostEvent = 'NetworkStatusChange' | 'ThemeChange';

/**
 * Forwards what the browser sees to the program's `wx.onNetworkStatusChange` and
 * `wx.onThemeChange` listeners; returns what stops it.
 */
export function watchHostEvents(
  view: (Window & typeof globalThis) | null,
  emit: (event: HostEvent, payload: Record<string, unknown>) => void,
): () => void {
  if (!view) return () => undefined;
  const network = () => {
    const type = networkType();
    emit('NetworkStatusChange', { isConnected: type !== 'none', networkType: type });
  };
  const dark = view.matchMedia?.('(prefers-color-scheme: dark)');
  const theme = () => emit('ThemeChange', { theme: dark?.matches ? 'dark' : 'light' });
  view.addEventListener('online', network);
  view.addEventListener('offline', network);
  dark?.addEventListener('change', theme);
  return () => {
    view.removeEventListener('online', network);
    view.removeEventListener('offline', network);
    dark?.removeEventListener('change', theme);
  };
}
