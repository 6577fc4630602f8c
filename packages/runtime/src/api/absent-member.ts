import { type CallbackErrorReporter, settle } from './api-conventions.ts';

/** How a declared member is called, and for a sync one what it returns: `'async'`, `'sync object'`… */
export type DeclaredShape =
  | 'async'
  | 'task'
  | 'listen'
  | 'unlisten'
  | `sync ${'undefined' | 'false' | 'string' | 'number' | 'array' | 'object'}`;

/**
 * An object that answers everything and does nothing: what a context or manager the platform
 * cannot provide returns, so `wx.createCameraContext().takePhoto({...})` neither throws nor
 * pretends to work (`then` stays undefined, so it is never mistaken for a promise).
 */
export const INERT: unknown = new Proxy(() => undefined, {
  get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : INERT),
  apply: () => INERT,
});

const neutral: Record<string, () => unknown> = {
  undefined: () => undefined,
  false: () => false,
  string: () => '',
  number: () => 0,
  array: () => [],
  object: () => INERT,
};

/**
 * The stand-in for a member Plaza cannot run here: an async one fails through `fail`/`complete`
 * and its promise with `"<name>:fail not supported"`, a sync one returns its neutral value,
 * `on*`/`off*` accept listeners. A program never dies of `is not a function`.
 * @example absentMember('getBluetoothAdapterState', 'async', report)({ fail: (e) => e.errMsg })
 */
export function absentMember(name: string, shape: DeclaredShape, report: CallbackErrorReporter): unknown {
  if (shape === 'listen' || shape === 'unlisten') return (_listener?: unknown) => undefined;
  if (shape === 'async' || shape === 'task') {
    return (options?: unknown) => {
      const settled = settle(name, options, Promise.reject(new Error('not supported')), report);
      // Called without callbacks and never awaited, the refusal must not surface as an unhandled rejection.
      settled?.catch(() => undefined);
      return shape === 'task' ? (settled ?? INERT) : settled;
    };
  }
  const value = neutral[shape.slice('sync '.length)] ?? neutral.undefined!;
  return () => value();
}
