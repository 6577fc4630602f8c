import type { CallbackErrorReporter } from './api-conventions.ts';

/**
 * `createInterstitialAd` and `createRewardedVideoAd` where no ad network serves: the ad object of
 * the typings (`load`, `show`, `destroy`, `on`/`off` for `Load`, `Error` and `Close`) that never
 * fills. As on the platforms it loads once when created; every load and show rejects with their
 * "no suitable ad" (errCode 1004, the `<ad>` component's error too) and `onError` listeners hear
 * it, so a program takes its no-ad path and nothing throws.
 * @example wx.createInterstitialAd({ adUnitId }).show().catch((e) => e.errCode) // 1004
 */
export function unfilledAd(report: CallbackErrorReporter): Record<string, unknown> {
  const listeners = new Set<unknown>();
  const noFill = () => ({ errCode: 1004, errMsg: 'no advertisement available' });
  const fail = () => {
    for (const listener of listeners) {
      try {
        (listener as (error: unknown) => void)(noFill());
      } catch (error) {
        report(error);
      }
    }
    return Promise.reject(noFill());
  };
  // Never filled, so never loaded or closed: those listeners are kept by nobody.
  const ignore = (_listener?: unknown) => undefined;
  queueMicrotask(() => fail().catch(ignore));
  return {
    load: fail,
    show: fail,
    destroy: () => listeners.clear(),
    onError(listener: unknown) {
      listeners.add(listener);
    },
    offError(listener?: unknown) {
      if (listener) listeners.delete(listener);
      else listeners.clear();
    },
    onLoad: ignore,
    offLoad: ignore,
    onClose: ignore,
    offClose: ignore,
  };
}
