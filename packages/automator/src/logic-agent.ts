/**
 * Runs inside the program's logic realm (the container's worker, or the simulator's logic
 * realm), bundled as one script: answers the automator's page, component and `wx` requests
 * with the runtime's own objects. Every answer is JSON text, `{ok, value}` or
 * `{ok: false, code, args}`, so only strings cross back to the driver.
 */
interface AutomatedLogic {
  receive(raw: unknown): boolean;
  api: Record<string, unknown>;
  getCurrentPages(): Record<string, unknown>[];
  getApp(): Record<string, unknown> | undefined;
  instanceId(instance: unknown): string | undefined;
  instance(id: string): Record<string, unknown> | undefined;
}

type Answer = { ok: true; value: unknown } | { ok: false; code: string; args: string[] };
type WxCallback = (result: unknown) => void;
type WxOptions = { success?: WxCallback; fail?: WxCallback; complete?: WxCallback };
type AnyFunction = (...args: unknown[]) => unknown;
/** A function of the test's, compiled where `wx`, `tt`, `getApp` and `getCurrentPages` are its parameters. */
type Globals = (...globals: unknown[]) => AnyFunction;

const scope = globalThis as unknown as {
  __plaza_automated_logic?: AutomatedLogic;
  __plaza_automator?: unknown;
  console: Record<string, AnyFunction>;
};

const LOG_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

function install(logic: AutomatedLogic) {
  const originals = new Map<string, unknown>();
  const logs: Array<{ type: string; args: string[] }> = [];
  const settled = new Map<number, string>();
  // Messages the logic received (events, host answers): a driver that cannot see the threads
  // go quiet waits until this stops moving.
  let received = 0;
  const receive = logic.receive.bind(logic);
  logic.receive = (raw: unknown) => {
    received += 1;
    return receive(raw);
  };

  // The program's console also reaches the automator (`App.logAdded`); it still prints as before.
  for (const level of LOG_LEVELS) {
    const print = scope.console[level];
    scope.console[level] = (...args: unknown[]) => {
      if (logs.length < 1000) logs.push({ type: level, args: args.map(logText) });
      return print?.apply(scope.console, args);
    };
  }

  const pageById = (pageId: string) => {
    const page = logic.getCurrentPages().find((p) => logic.instanceId(p) === pageId);
    if (!page) throw refusal('AUTOMATOR_NO_PAGE', pageId);
    return page;
  };
  const componentById = (nodeId: string) => {
    const component = logic.instance(nodeId);
    if (!component) throw refusal('AUTOMATOR_NOT_A_COMPONENT', nodeId);
    return component;
  };
  const describe = (page: Record<string, unknown>) => ({
    pageId: logic.instanceId(page) ?? '',
    path: String(page.route ?? ''),
    query: (page.options as Record<string, unknown> | undefined) ?? {},
  });
  const callMethod = async (
    target: Record<string, unknown>,
    name: string,
    method: string,
    args: unknown[],
  ) => {
    const fn = target[method];
    if (typeof fn !== 'function') throw refusal('AUTOMATOR_NO_METHOD', name, method);
    return await (fn as AnyFunction).apply(target, args);
  };

  /** `wx.x(options)` as a promise of what `success` receives; a synchronous member's value as is. */
  const callWx = (method: string, args: unknown[]) => {
    const fn = logic.api[method];
    if (typeof fn !== 'function') throw refusal('AUTOMATOR_NO_METHOD', 'wx', method);
    const [options] = args;
    if (!callbackStyle(method, options)) return (fn as AnyFunction).apply(logic.api, args);
    return new Promise((resolve, reject) => {
      (fn as AnyFunction).call(logic.api, {
        ...(options as object),
        success: resolve,
        fail: (error: unknown) => reject(failure(error)),
      });
    });
  };

  /** Replaces `wx.<method>` for the program: `produce` gives the result `success` receives. */
  const replace = (method: string, produce: AnyFunction) => {
    if (!originals.has(method)) originals.set(method, logic.api[method]);
    const original = originals.get(method);
    logic.api[method] = function mocked(this: unknown, ...callArgs: unknown[]) {
      const [options] = callArgs;
      if (!callbackStyle(method, options)) return produce.call({ origin: original }, ...callArgs);
      const o = (options ?? {}) as WxOptions;
      const outcome = Promise.resolve().then(() => produce.call({ origin: original }, ...callArgs));
      outcome.then(
        (result) => {
          o.success?.(result);
          o.complete?.(result);
        },
        (error: unknown) => {
          o.fail?.(failure(error));
          o.complete?.(failure(error));
        },
      );
      // A request task's members, for programs that keep the task.
      return Object.assign(
        outcome.catch(() => undefined),
        { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} },
      );
    };
  };

  const answer = (work: () => unknown): string | Promise<string> => {
    try {
      const value = work();
      if (value instanceof Promise) return value.then(encode, encodeError);
      return encode(value);
    } catch (error) {
      return encodeError(error);
    }
  };

  return {
    pageStack: () => answer(() => logic.getCurrentPages().map(describe)),
    pageData: (pageId: string, path?: string) => answer(() => at(pageById(pageId).data, path)),
    setPageData: (pageId: string, data: Record<string, unknown>) =>
      answer(() => void (pageById(pageId).setData as AnyFunction)(data)),
    callPageMethod: (pageId: string, method: string, args: unknown[]) =>
      answer(() => callMethod(pageById(pageId), `page ${pageId}`, method, args)),
    componentData: (nodeId: string, path?: string) => answer(() => at(componentById(nodeId).data, path)),
    setComponentData: (nodeId: string, data: Record<string, unknown>) =>
      answer(() => void (componentById(nodeId).setData as AnyFunction)(data)),
    callComponentMethod: (nodeId: string, method: string, args: unknown[]) =>
      answer(() => callMethod(componentById(nodeId), `component ${nodeId}`, method, args)),
    callWx: (method: string, args: unknown[]) =>
      answer(async () => plainData(await callWx(method, args), new Set())),
    mock: (method: string, result: unknown) => answer(() => replace(method, () => result)),
    /** The mock sees the program's globals as `App.callFunction`'s function does, and `this.origin`. */
    mockWith: (method: string, withGlobals: Globals, extra: unknown[]) =>
      answer(() => {
        const fn = withGlobals(logic.api, logic.api, logic.getApp, logic.getCurrentPages);
        replace(method, function (this: unknown, ...callArgs: unknown[]) {
          return fn.apply(this, [...callArgs, ...extra]);
        });
      }),
    restore: (method: string) =>
      answer(() => {
        if (originals.has(method)) logic.api[method] = originals.get(method);
        originals.delete(method);
      }),
    /** `App.callFunction`: the function sees the program's `wx`, `tt`, `getApp`, `getCurrentPages`. */
    run: (withGlobals: Globals, args: unknown[]) =>
      answer(() =>
        withGlobals(logic.api, logic.api, logic.getApp, logic.getCurrentPages).apply(undefined, args),
      ),
    drainLogs: () => JSON.stringify(logs.splice(0)),
    received: () => received,
    /** For a realm the driver can only poll (the simulator's): settles `work` under `ticket`. */
    start(ticket: number, work: () => string | Promise<string>) {
      Promise.resolve()
        .then(work)
        .then(
          (text) => settled.set(ticket, text),
          (error: unknown) => settled.set(ticket, encodeError(error)),
        );
    },
    take(ticket: number): string {
      const text = settled.get(ticket) ?? '';
      settled.delete(ticket);
      return text;
    },
  };
}

function callbackStyle(method: string, options: unknown): boolean {
  if (/Sync$/.test(method) || /^(create|on|off|get.*Manager$)/.test(method)) return false;
  return (
    options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options))
  );
}

/**
 * What an API's result says as data: objects it hands over to use rather than to read (the
 * `eventChannel` of `navigateTo`, a task), functions and cycles are left out, as the
 * platforms' tools leave them out of the reply.
 */
function plainData(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (seen.has(value) || !(Array.isArray(value) || proto === Object.prototype || proto === null))
    return undefined;
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => plainData(item, seen) ?? null)
    : Object.fromEntries(
        Object.entries(value)
          .map(([key, item]) => [key, plainData(item, seen)] as const)
          .filter(([, item]) => item !== undefined),
      );
  seen.delete(value);
  return copy;
}

function at(data: unknown, path?: string): unknown {
  if (!path) return data;
  let value = data;
  for (const key of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

class Refusal {
  constructor(
    readonly code: string,
    readonly args: string[],
  ) {}
}

function refusal(code: string, ...args: string[]): Refusal {
  return new Refusal(code, args);
}

function encode(value: unknown): string {
  try {
    return JSON.stringify({ ok: true, value: value === undefined ? null : value } satisfies Answer);
  } catch (error) {
    return JSON.stringify({
      ok: false,
      code: 'AUTOMATOR_NOT_JSON',
      args: ['the call', String(error)],
    } satisfies Answer);
  }
}

function encodeError(error: unknown): string {
  if (error instanceof Refusal) return JSON.stringify({ ok: false, code: error.code, args: error.args });
  return JSON.stringify({ ok: false, code: 'AUTOMATOR_PROGRAM_THREW', args: [failureText(error)] });
}

function failure(error: unknown): unknown {
  return error instanceof Error ? { errMsg: error.message } : error;
}

function failureText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  return logText(error);
}

function logText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

if (scope.__plaza_automated_logic && !scope.__plaza_automator) {
  scope.__plaza_automator = install(scope.__plaza_automated_logic);
}
