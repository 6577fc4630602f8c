import { randomBytes } from 'node:crypto';
import vm from 'node:vm';

/**
 * A separate JavaScript realm for code of the mini program (and the runtime serving it):
 * its own globals, no `require`, `process`, `fetch`, and no `eval` or `new Function` (as on
 * the platforms' logic and view threads): the package's bundles run as scripts handed in
 * from outside, under their own names, so error locations stay exact.
 *
 * Nothing from Node's realm is handed in: the bridge functions are wrapped by a bootstrap
 * inside the realm and deleted from its global, and everything crossing travels as strings,
 * numbers or the realm's own objects, so no host object (whose `constructor` leads back to
 * Node's `Function`) is ever reachable from the program.
 *
 * Every entry into the realm (a message, a timer, a user action) runs as a script under a
 * watchdog, and the realm has its own microtask queue drained within that run: a program
 * stuck in a loop (synchronously or in a promise chain) is stopped and reported instead of
 * freezing the process, as the container's watchdog stops it in a browser.
 */
export class Realm {
  readonly context: vm.Context;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly bridge: RealmBridge) {
    this.context = vm.createContext(
      {},
      { codeGeneration: { strings: false, wasm: false }, name: bridge.name, microtaskMode: 'afterEvaluate' },
    );
    const host = {
      post: (text: string) => this.guard(() => bridge.receive(String(text))),
      log: (level: string, text: string) => this.guard(() => bridge.log(String(level), String(text))),
      setTimer: (id: number, ms: number, repeat: boolean) =>
        this.setTimer(Number(id), Number(ms), Boolean(repeat)),
      clearTimer: (id: number) => this.clearTimer(Number(id)),
      now: () => performance.now(),
      timeOrigin: performance.timeOrigin,
      // Hex text: only primitives cross into the realm.
      randomHex: (length: number) =>
        randomBytes(Math.max(0, Math.min(65536, Number(length) || 0))).toString('hex'),
      atob: (text: string) => atob(String(text)),
      btoa: (text: string) => btoa(String(text)),
    };
    Object.defineProperty(this.context, '__plaza_host', { value: host, configurable: true });
    vm.runInContext(BOOTSTRAP, this.context, { filename: 'plaza:realm-bootstrap.js' });
  }

  /** Sets a global to a primitive (a string, a number): primitives carry nothing of Node's realm. */
  setGlobal(name: string, value: string | number): void {
    Object.defineProperty(this.context, name, { value, configurable: true, writable: true });
  }

  /** Runs a script in the realm under the watchdog; `filename` names it in stack traces. */
  run(source: string | vm.Script, filename = 'plaza-realm.js'): unknown {
    const script = typeof source === 'string' ? new vm.Script(source, { filename }) : source;
    try {
      return script.runInContext(this.context, { timeout: this.bridge.budgetMs });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new RealmTimeout(this.bridge.budgetMs);
      throw error;
    }
  }

  /** Hands a message (as JSON text) to the handler the realm registered with `onmessage`. */
  deliver(text: string): void {
    if (this.closed) return;
    this.setGlobal('__plaza_inbox', text);
    this.run(DELIVER);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private setTimer(id: number, ms: number, repeat: boolean): void {
    if (this.closed) return;
    const fire = () => {
      if (!repeat) this.timers.delete(id);
      if (this.closed) return;
      this.setGlobal('__plaza_timer', id);
      try {
        this.run(FIRE);
      } catch (error) {
        this.bridge.uncaught(error);
      }
    };
    const delay = Math.max(0, ms || 0);
    this.timers.set(id, repeat ? setInterval(fire, delay) : setTimeout(fire, delay));
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  // A host function must never throw into the realm: the error object would be Node's.
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.bridge.uncaught(error);
    }
  }
}

/** How a realm talks to the simulator: text in, text out. */
export interface RealmBridge {
  name: string;
  /** How long one entry into the realm may run before the watchdog stops it, in ms. */
  budgetMs: number;
  /** A message the realm posted, as JSON text. */
  receive: (text: string) => void;
  log: (level: string, text: string) => void;
  /** An error thrown by a timer callback, uncaught inside the realm, or the watchdog's. */
  uncaught: (error: unknown) => void;
}

/** The watchdog stopped code that ran longer than its budget without returning. */
export class RealmTimeout extends Error {
  override readonly name = 'RealmTimeout';
  constructor(readonly budgetMs: number) {
    super(
      `The program ran for more than ${budgetMs} ms without returning (an endless loop?) and was stopped`,
    );
  }
}

const DELIVER = new vm.Script('__plaza_deliver(__plaza_inbox); void 0;', { filename: 'plaza:deliver.js' });
const FIRE = new vm.Script('__plaza_fire(__plaza_timer); void 0;', { filename: 'plaza:timer.js' });

// Runs first in every realm: captures the host bridge in a closure, removes it from the
// global, and gives the realm the worker-like surface the logic layer expects.
const BOOTSTRAP = `(() => {
  'use strict';
  const host = globalThis.__plaza_host;
  delete globalThis.__plaza_host;
  const post = host.post, log = host.log, setTimer = host.setTimer, clearTimer = host.clearTimer, now = host.now;
  const atob = host.atob, btoa = host.btoa;
  const g = globalThis;
  const callbacks = new Map();
  let nextTimer = 1;
  const schedule = (fn, ms, args, repeat) => {
    const id = nextTimer++;
    callbacks.set(id, { run: () => fn(...args), repeat });
    setTimer(id, Number(ms) || 0, repeat);
    return id;
  };
  const cancel = (id) => { callbacks.delete(id); clearTimer(Number(id) || 0); };
  g.self = g;
  g.setTimeout = (fn, ms, ...args) => schedule(fn, ms, args, false);
  g.setInterval = (fn, ms, ...args) => schedule(fn, ms, args, true);
  g.clearTimeout = cancel;
  g.clearInterval = cancel;
  g.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
  g.performance = { now: () => now(), timeOrigin: host.timeOrigin };
  const randomHex = host.randomHex;
  g.crypto = {
    getRandomValues: (array) => {
      const hex = randomHex(array.byteLength);
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
      return array;
    },
  };
  g.atob = (text) => atob(String(text));
  g.btoa = (text) => btoa(String(text));
  const text = (args) => args.map((a) => {
    if (typeof a === 'string') return a;
    if (a instanceof Error) return a.stack || String(a);
    try { return JSON.stringify(a); } catch { return String(a); }
  }).join(' ');
  g.console = {
    log: (...a) => log('log', text(a)), info: (...a) => log('info', text(a)), debug: (...a) => log('debug', text(a)),
    warn: (...a) => log('warn', text(a)), error: (...a) => log('error', text(a)),
  };
  g.onmessage = null;
  g.postMessage = (message) => post(JSON.stringify(message));
  Object.defineProperty(g, '__plaza_deliver', {
    value: (data) => { if (typeof g.onmessage === 'function') g.onmessage({ data: JSON.parse(data) }); },
  });
  Object.defineProperty(g, '__plaza_fire', {
    value: (id) => {
      const timer = callbacks.get(id);
      if (!timer) return;
      if (!timer.repeat) callbacks.delete(id);
      timer.run();
    },
  });
})();`;
