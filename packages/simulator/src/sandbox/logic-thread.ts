import vm from 'node:vm';
import { LOGIC_SOURCE_URL, type LogicManifest } from '@plaza/runtime';
import { Realm } from './realm.ts';
import { realmBundle } from './realm-bundle.ts';

/**
 * The logic "thread": the real runtime and the program's logic.js in their own realm.
 * Messages go in and come out as JSON text, one macrotask later, like a worker's.
 */
export class LogicThread {
  private readonly realm: Realm;
  private readonly objectClass: unknown;

  private constructor(
    realm: Realm,
    private readonly scheduler: MessageScheduler,
  ) {
    this.realm = realm;
    this.objectClass = vm.runInContext('Object', realm.context);
  }

  static async start(options: {
    manifest: LogicManifest;
    logic: string;
    scheduler: MessageScheduler;
    /** How long one message or timer may run in the program before the watchdog stops it. */
    budgetMs: number;
    onMessage: (message: unknown) => void;
    onLog: (level: string, text: string) => void;
    onUncaught: (error: unknown) => void;
    /** Leaves the logic reachable (`__plaza_automated_logic`) for `run`: the automator drives the program through it. */
    automation?: boolean;
  }): Promise<LogicThread> {
    const runtime = await realmBundle('logic-entry.ts');
    const realm = new Realm({
      name: 'plaza-logic',
      budgetMs: options.budgetMs,
      receive: (text) => options.scheduler.schedule(() => options.onMessage(JSON.parse(text))),
      log: options.onLog,
      uncaught: options.onUncaught,
    });
    realm.run(runtime);
    realm.setGlobal('__plaza_manifest', JSON.stringify(options.manifest));
    realm.setGlobal('__plaza_logic', options.logic);
    if (options.automation) realm.setGlobal('__plaza_automation', 1);
    realm.run('__plaza_boot(); void 0;', 'plaza-boot.js');
    try {
      // Defines only register factories: nothing of the program runs yet.
      realm.run(options.logic, LOGIC_SOURCE_URL);
    } catch (error) {
      options.onUncaught(error);
    } finally {
      realm.run('delete globalThis.__plaza_define; void 0;', 'plaza-boot.js');
    }
    return new LogicThread(realm, options.scheduler);
  }

  /** Runs a script in the logic realm under the watchdog and returns its completion value as text. */
  run(source: string, filename: string): string {
    return String(this.realm.run(source, filename));
  }

  /** Posts a message to the logic layer; it arrives on a later macrotask. */
  post(message: unknown): void {
    const text = JSON.stringify(message);
    this.scheduler.schedule(() => this.realm.deliver(text));
  }

  /**
   * Whether a thrown value was made in the logic realm (the program or the runtime threw it):
   * an error, or any object of the realm such as an API's `{ errMsg }` rejection.
   */
  owns(error: unknown): boolean {
    return typeof this.objectClass === 'function' && error instanceof (this.objectClass as ObjectConstructor);
  }

  close(): void {
    this.realm.close();
  }
}

/**
 * Delivers cross-thread messages on later macrotasks and counts those in flight, so the
 * simulator knows when both threads have gone quiet.
 */
export class MessageScheduler {
  private inflight = 0;
  private closed = false;
  private readonly idleWaiters: Array<() => void> = [];
  constructor(private readonly onError: (error: unknown) => void) {}

  schedule(task: () => void): void {
    if (this.closed) return;
    this.inflight += 1;
    setImmediate(() => {
      try {
        if (!this.closed) task();
      } catch (error) {
        this.onError(error);
      } finally {
        this.inflight -= 1;
        if (this.inflight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      }
    });
  }

  /** Extra work the simulator waits for, such as a host capability answering. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inflight += 1;
    return work.finally(() => {
      this.inflight -= 1;
      if (this.inflight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }

  get busy(): boolean {
    return this.inflight > 0;
  }

  /** Resolves once nothing is in flight, checked across a few turns so microtasks land too. */
  async idle(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      if (this.inflight > 0) {
        await new Promise<void>((wake) => this.idleWaiters.push(wake));
        quiet = 0;
      } else {
        await new Promise<void>((r) => setImmediate(r));
        quiet += this.inflight === 0 ? 1 : 0;
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
