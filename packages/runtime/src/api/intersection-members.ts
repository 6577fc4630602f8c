import { isPlainObject } from '../data/plain-data.ts';
import type { ApiContext } from './create-api.ts';
import type { IntersectionEntry } from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Margins = { top?: number; right?: number; bottom?: number; left?: number };

const SELECTOR = /^[#.][A-Za-z_][\w-]*$/;

/**
 * `createIntersectionObserver`: the page's view watches with the browser's own observer and
 * reports each change back, which `dispatch` hands to the observer's callback.
 */
export function installIntersectionMembers(
  api: Api,
  ctx: ApiContext,
): { dispatch(entry: IntersectionEntry): void } {
  const callbacks = new Map<number, (entry: unknown) => void>();
  let nextId = 1;
  api.createIntersectionObserver = (_component?: unknown, options?: unknown) => {
    const o = isPlainObject(options) ? options : {};
    const thresholds = Array.isArray(o.thresholds)
      ? o.thresholds.map(Number).filter((t) => t >= 0 && t <= 1)
      : [0];
    let relativeTo: string | undefined;
    let margins: Margins = {};
    const ids: number[] = [];
    const observer = {
      relativeTo(selector: unknown, m?: Margins) {
        relativeTo = String(selector);
        margins = isPlainObject(m) ? m : {};
        return observer;
      },
      relativeToViewport(m?: Margins) {
        relativeTo = undefined;
        margins = isPlainObject(m) ? m : {};
        return observer;
      },
      observe(selector: unknown, callback: unknown) {
        const target = String(selector);
        if (!SELECTOR.test(target) || (relativeTo !== undefined && !SELECTOR.test(relativeTo))) {
          ctx.log('warn', `IntersectionObserver.observe:fail invalid selector "${target}"`);
          return;
        }
        if (typeof callback !== 'function') return;
        const id = nextId++;
        ids.push(id);
        callbacks.set(id, callback as (entry: unknown) => void);
        ctx.host
          .viewCommand({
            kind: 'observe',
            id,
            selector: target,
            ...(relativeTo ? { relativeTo } : {}),
            margins: {
              top: Number(margins.top) || 0,
              right: Number(margins.right) || 0,
              bottom: Number(margins.bottom) || 0,
              left: Number(margins.left) || 0,
            },
            thresholds,
            observeAll: !!o.observeAll,
          })
          .catch((error: unknown) =>
            ctx.log('warn', `IntersectionObserver.observe:fail ${(error as Error)?.message ?? error}`),
          );
      },
      disconnect() {
        for (const id of ids.splice(0)) {
          callbacks.delete(id);
          ctx.host.viewCommand({ kind: 'unobserve', id }).catch(() => undefined);
        }
      },
    };
    return observer;
  };
  return {
    dispatch(entry) {
      const callback = callbacks.get(entry.id);
      if (!callback) return;
      const { id: _id, ...rest } = entry;
      try {
        callback(rest);
      } catch (error) {
        ctx.report(error);
      }
    },
  };
}
