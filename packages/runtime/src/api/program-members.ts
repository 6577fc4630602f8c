import { isPlainObject } from '../data/plain-data.ts';
import { settle } from './api-conventions.ts';
import type { ApiContext } from './create-api.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

/** What a deadline of `requestIdleCallback` leaves to the callback at most, as browsers do. */
const IDLE_BUDGET_MS = 50;

/**
 * Members about the program's own running: idle callbacks, its API category, its performance
 * marks, its third-party-platform configuration and WeChat's privacy gate.
 */
export function installProgramMembers(api: Api, ctx: ApiContext, define: Define): void {
  // The logic layer has no frames to be idle between: a callback runs once the current work is
  // done (a macrotask), with the budget a browser gives an idle period.
  const idle = new Map<number, ReturnType<typeof setTimeout>>();
  let nextIdle = 1;
  api.requestIdleCallback = (callback: unknown, options?: { timeout?: number }) => {
    const id = nextIdle++;
    if (typeof callback !== 'function') return id;
    const start = Date.now();
    const timeout = typeof options?.timeout === 'number' ? options.timeout : undefined;
    idle.set(
      id,
      setTimeout(() => {
        idle.delete(id);
        try {
          callback({
            didTimeout: timeout !== undefined && Date.now() - start >= timeout,
            timeRemaining: () => Math.max(0, IDLE_BUDGET_MS - (Date.now() - start)),
          });
        } catch (error) {
          ctx.report(error);
        }
      }, 1),
    );
    return id;
  };
  api.cancelIdleCallback = (id: unknown) => {
    const timer = idle.get(Number(id));
    if (timer !== undefined) clearTimeout(timer);
    idle.delete(Number(id));
  };

  // Douyin's `tt.performance`: the same measures `wx.getPerformance()` reads, as an object.
  api.performance = ctx.performance.api();

  // A program opened by the super app is always in the default category: Plaza has no
  // embedded, browse-only or chat-tool openings, so the category never changes either.
  api.getApiCategory = () => 'default';

  // `wx.reportPerformance(id, value, dimensions)`: WeChat's backend collects these marks; here
  // they go to the developer's log, where the operator's own collection reads them.
  api.reportPerformance = (id: unknown, value: unknown, dimensions?: unknown) => {
    if (typeof id !== 'number' || typeof value !== 'number') return;
    const extra = typeof dimensions === 'string' || Array.isArray(dimensions) ? ` ${String(dimensions)}` : '';
    ctx.log('info', `reportPerformance ${id} ${value}${extra}`);
  };

  // The configuration a third-party platform injects through ext.json: Plaza publishes each
  // program itself, so every program sees an empty one, as a program without ext.json does.
  api.getExtConfigSync = () => ({});
  define('getExtConfig', () => ({ extConfig: {} }));

  // WeChat's privacy gate: Plaza asks consent per scope at the moment it is needed (the consent
  // sheet), so there is no separate privacy agreement to sign first.
  define('getPrivacySetting', () => ({ needAuthorization: false, privacyContractName: '' }));
  define('requirePrivacyAuthorize', () => undefined);

  // Plaza's package carries every subpackage: a declared one is downloaded already.
  api.preDownloadSubpackage = (options: unknown) => {
    const o = (isPlainObject(options) ? options : {}) as Options;
    const wanted = String(o.name ?? o.root ?? '').replace(/^\/+|\/+$/g, '');
    const known = (ctx.subpackages?.() ?? []).some(
      (sub) => sub.name === wanted || sub.root.replace(/^\/+|\/+$/g, '') === wanted,
    );
    const work = known ? Promise.resolve({}) : Promise.reject(new Error(`subpackage "${wanted}" not found`));
    settle('preDownloadSubpackage', o, work, ctx.report)?.catch(() => undefined);
    return {
      onProgressUpdate(listener: unknown) {
        if (known && typeof listener === 'function')
          queueMicrotask(() =>
            listener({ progress: 100, totalBytesWritten: 0, totalBytesExpectedToWrite: 0 }),
          );
      },
    };
  };
}
