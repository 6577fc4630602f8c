import type { HostCapabilities } from './host-capabilities.ts';

type Keyframes = Array<Record<string, string | number | Array<string | number>>>;

/** Keyframe values that cross to the view: numbers, strings, and lists of them (`translate: [10, 20]`). */
function plainKeyframes(keyframes: unknown): Keyframes {
  if (!Array.isArray(keyframes)) return [];
  return keyframes
    .filter((k): k is Record<string, unknown> => !!k && typeof k === 'object')
    .map((k) => {
      const out: Keyframes[number] = {};
      for (const [key, value] of Object.entries(k)) {
        if (typeof value === 'number' || typeof value === 'string') out[key] = value;
        else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'number' ? v : String(v)));
      }
      return out;
    });
}

/**
 * `this.animate(selector, keyframes, duration, callback)` and `this.clearAnimation(selector,
 * options, callback)` of pages and components: Web Animations in the page's view.
 */
export function elementAnimations(
  host: Pick<HostCapabilities, 'viewCommand'>,
  report: (error: unknown) => void,
): { animate: (...args: unknown[]) => void; clearAnimation: (...args: unknown[]) => void } {
  const after = (work: Promise<unknown>, callback: unknown) =>
    work.then(
      () => {
        if (typeof callback !== 'function') return;
        try {
          callback();
        } catch (error) {
          report(error);
        }
      },
      () => undefined, // the view refused (no such element): the platforms stay silent too
    );
  return {
    animate(selector, keyframes, duration, callback) {
      void after(
        host.viewCommand({
          kind: 'animate',
          selector: String(selector ?? ''),
          keyframes: plainKeyframes(keyframes),
          duration: Math.max(0, Number(duration) || 0),
        }),
        callback,
      );
    },
    clearAnimation(selector, options, callback) {
      const cb = typeof options === 'function' ? options : callback;
      void after(host.viewCommand({ kind: 'animate.clear', selector: String(selector ?? '') }), cb);
    },
  };
}
