import vm from 'node:vm';

/**
 * A separate JavaScript realm for code of the mini program (and the runtime serving it):
 * its own globals, no `require`, `process`, `fetch`. (`new Function` stays: it only ever
 * reaches the realm's own globals, and the runtime evaluates logic.js with it, which keeps
 * its error locations exact.) Nothing from Node's realm is handed in: the bridge functions are wrapped
 * by a bootstrap inside the realm and deleted from its global, and everything crossing
 * travels as JSON text or primitives, so no host object (whose `constructor` would lead
 * back to Node's `Function`) is ever reachable from the program.
 */
export class Realm {
  readonly context: vm.Context;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextTimer = 1;
  private closed = false;

  constructor(private readonly bridge: RealmBridge) {
    this.context = vm.createContext(
      {},
      { codeGeneration: { strings: true, wasm: false }, name: bridge.name },
    );
    const host = {
      post: (text: string) => this.guard(() => bridge.receive(String(text))),
      log: (level: string, text: string) => this.guard(() => bridge.log(String(level), String(text))),
      setTimer: (callback: () => void, ms: number, repeat: boolean) => this.setTimer(callback, ms, repeat),
      clearTimer: (id: number) => this.clearTimer(id),
      now: () => performance.now(),
      atob: (text: string) => atob(String(text)),
      btoa: (text: string) => btoa(String(text)),
    };
    Object.defineProperty(this.context, '__plaza_host', { value: host, configurable: true });
    vm.runInContext(BOOTSTRAP, this.context, { filename: 'plaza:realm-bootstrap.js' });
  }

  /** Sets a global to a string: primitives carry nothing of Node's realm. */
  setString(name: string, value: string): void {
    Object.defineProperty(this.context, name, { value: String(value), configurable: true, writable: true });
  }

  /** Runs a script in the realm; `filename` is what stack traces (and error locations) name. */
  run(source: string | vm.Script, filename = 'plaza-realm.js'): unknown {
    const script = typeof source === 'string' ? new vm.Script(source, { filename }) : source;
    return script.runInContext(this.context);
  }

  /** Hands a message (as JSON text) to the handler the realm registered with `onmessage`. */
  deliver(text: string): void {
    if (this.closed) return;
    const deliver = vm.runInContext('__plaza_deliver', this.context) as (t: string) => void;
    deliver(text);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private setTimer(callback: () => void, ms: number, repeat: boolean): number {
    if (this.closed || typeof callback !== 'function') return 0;
    const id = this.nextTimer++;
    const fire = () => {
      if (!repeat) this.timers.delete(id);
      if (this.closed) return;
      try {
        callback();
      } catch (error) {
        this.bridge.uncaught(error);
      }
    };
    const delay = Math.max(0, Number(ms) || 0);
    this.timers.set(id, repeat ? setInterval(fire, delay) : setTimeout(fire, delay));
    return id;
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(Number(id));
    if (timer) clearTimeout(timer);
    this.timers.delete(Number(id));
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
  /** A message the realm posted, as JSON text. */
  receive: (text: string) => void;
  log: (level: string, text: string) => void;
  /** An error thrown by a timer callback or a handler, uncaught inside the realm. */
  uncaught: (error: unknown) => void;
}

// Runs first in every realm: captures the host bridge in a closure, removes it from the
// global, and gives the realm the worker-like surface the logic layer expects.
const BOOTSTRAP = `(() => {
  'use strict';
  const host = globalThis.__plaza_host;
  delete globalThis.__plaza_host;
  const post = host.post, log = host.log, setTimer = host.setTimer, clearTimer = host.clearTimer, now = host.now;
  const atob = host.atob, btoa = host.btoa;
  const g = globalThis;
  g.self = g;
  g.setTimeout = (fn, ms, ...args) => setTimer(() => fn(...args), ms, false);
  g.setInterval = (fn, ms, ...args) => setTimer(() => fn(...args), ms, true);
  g.clearTimeout = (id) => clearTimer(id);
  g.clearInterval = (id) => clearTimer(id);
  g.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
  g.performance = { now: () => now() };
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
})();`;
