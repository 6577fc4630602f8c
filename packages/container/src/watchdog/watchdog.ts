import type { Heartbeat } from '../logic-frame/logic-boot.ts';

export interface WatchdogOptions {
  /** How often to ping (ms). */
  interval?: number;
  /** Silence after which the logic counts as stuck (ms). */
  timeout?: number;
  /** Called once when the worker stopped answering. */
  onStuck: (silentFor: number) => void;
}

/**
 * Pings the logic worker over its heartbeat port. The worker answers from its own thread,
 * so an endless loop in the program (or a dead worker) shows as silence; after `timeout`
 * the watchdog gives up on it once. Timers run on the host page, which the loop cannot block.
 */
export class Watchdog {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastPong = 0;
  private seq = 0;
  private fired = false;

  constructor(
    private readonly port: MessagePort,
    private readonly options: WatchdogOptions,
  ) {}

  start(): void {
    const interval = this.options.interval ?? 500;
    const timeout = this.options.timeout ?? 3000;
    this.lastPong = performance.now();
    this.port.onmessage = (event: MessageEvent<Heartbeat>) => {
      if ('pong' in event.data) this.lastPong = performance.now();
    };
    this.timer = setInterval(() => {
      const silent = performance.now() - this.lastPong;
      if (silent > timeout && !this.fired) {
        this.fired = true;
        this.stop();
        this.options.onStuck(silent);
        return;
      }
      this.port.postMessage({ ping: ++this.seq } satisfies Heartbeat);
    }, interval);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.port.onmessage = null;
  }
}
