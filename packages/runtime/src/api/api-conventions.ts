import { isPlainObject } from '../data/plain-data.ts';

/** The result object every API call settles with: `errMsg` plus the API's fields. */
export type ApiResult = Record<string, unknown> & { errMsg: string };

type Callbacks = { success?: unknown; fail?: unknown; complete?: unknown };

/** Reports an exception thrown by a mini program's success/fail/complete callback. */
export type CallbackErrorReporter = (error: unknown) => void;

/** The reason part of `"<api>:fail <reason>"` for whatever a host or the runtime threw. */
export function failReason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isPlainObject(error) && typeof error.errMsg === 'string')
    return error.errMsg.replace(/^[^:]*:fail ?/, '');
  return String(error);
}

/**
 * The dialects' numeric code of a failure, when the API defines one (`errCode` on WeChat,
 * `errNo` on Douyin): an error carrying `errCode` gives both.
 */
function failCode(error: unknown): { errCode?: number; errNo?: number } {
  const code = (error as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? { errCode: code, errNo: code } : {};
}

/** An API failure with the dialects' numeric code. */
export class CodedApiError extends Error {
  constructor(
    readonly errCode: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'CodedApiError';
  }
}

export function hasCallbacks(options: unknown): boolean {
  if (!isPlainObject(options)) return false;
  const o = options as Callbacks;
  return typeof o.success === 'function' || typeof o.fail === 'function' || typeof o.complete === 'function';
}

/**
 * Settles an API call the dialects' way: `success`/`fail` then `complete` when callbacks are
 * given, otherwise a Promise that resolves with the result or rejects with `{errMsg}`.
 */
export function settle(
  name: string,
  options: unknown,
  work: Promise<unknown>,
  report: CallbackErrorReporter,
): Promise<ApiResult> | undefined {
  const outcome = work.then(
    (result) => ({ ...(isPlainObject(result) ? result : {}), errMsg: `${name}:ok` }) as ApiResult,
    (error: unknown) => {
      throw { errMsg: `${name}:fail ${failReason(error)}`, ...failCode(error) };
    },
  );
  if (!hasCallbacks(options)) return outcome;
  const o = options as Callbacks;
  const call = (fn: unknown, arg: unknown) => {
    if (typeof fn !== 'function') return;
    try {
      fn(arg);
    } catch (error) {
      report(error);
    }
  };
  outcome.then(
    (res) => {
      call(o.success, res);
      call(o.complete, res);
    },
    (err: unknown) => {
      call(o.fail, err);
      call(o.complete, err);
    },
  );
  return undefined;
}

/**
 * Wraps an implementation as an asynchronous API of the dialects.
 * @example const login = asyncApi('login', (o) => host.login(o), report); login({ success(res) {} });
 */
export function asyncApi<O extends object>(
  name: string,
  run: (options: O) => unknown,
  report: CallbackErrorReporter,
): (options?: O) => Promise<ApiResult> | undefined {
  return (options?: O) => {
    const opts = (isPlainObject(options) ? options : {}) as O;
    const work = (async () => run(opts))();
    return settle(name, opts, work, report);
  };
}
