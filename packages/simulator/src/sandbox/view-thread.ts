import vm from 'node:vm';
import type { MessageScheduler } from './logic-thread.ts';

const ACT = new vm.Script('__plaza_view_api[__plaza_action](__plaza_target, __plaza_value); void 0;', {
  filename: 'plaza:user-input.js',
});

import { Realm } from './realm.ts';
import { realmBundle } from './realm-bundle.ts';

/** The name view.js carries in the view realm's stack traces. */
const VIEW_SOURCE_URL = 'plaza-view.js';

import type { ViewApi } from './view-entry.ts';

/**
 * The view "thread": the real view layer rendering the package's view.js into a light DOM,
 * in a realm of its own. Logic messages are delivered as JSON text; what the view sends
 * back goes through the scheduler, a macrotask later.
 */
export class ViewThread {
  private constructor(
    private readonly realm: Realm,
    readonly api: ViewApi,
  ) {}

  static async start(options: {
    view: string;
    windowWidth: number;
    scheduler: MessageScheduler;
    budgetMs: number;
    onMessage: (message: unknown) => void;
    onLog: (level: string, text: string) => void;
    onUncaught: (error: unknown) => void;
  }): Promise<ViewThread> {
    const bundle = await realmBundle('view-entry.ts');
    const realm = new Realm({
      name: 'plaza-view',
      budgetMs: options.budgetMs,
      receive: (text) => options.scheduler.schedule(() => options.onMessage(JSON.parse(text))),
      log: options.onLog,
      uncaught: options.onUncaught,
    });
    realm.run(bundle);
    realm.setGlobal('__plaza_window_width', String(options.windowWidth));
    realm.run('__plaza_boot(); void 0;', 'plaza-boot.js');
    try {
      realm.run(options.view, VIEW_SOURCE_URL);
    } finally {
      realm.run('__plaza_start(); void 0;', 'plaza-boot.js');
    }
    const api = vm.runInContext('__plaza_view_api', realm.context) as ViewApi;
    return new ViewThread(realm, api);
  }

  /**
   * Performs user input on an element of the view realm, as a script of that realm (so it
   * runs under the watchdog and its microtasks settle before this returns).
   */
  act(action: 'click' | 'type', target: Element, value = ''): void {
    Object.defineProperty(this.realm.context, '__plaza_target', { value: target, configurable: true });
    this.realm.setGlobal('__plaza_value', value);
    this.realm.setGlobal('__plaza_action', action);
    try {
      this.realm.run(ACT);
    } finally {
      Object.defineProperty(this.realm.context, '__plaza_target', { value: undefined, configurable: true });
    }
  }

  /** Hands a logic → view message to the view layer (throws what the view throws). */
  deliver(message: unknown): void {
    this.realm.deliver(JSON.stringify(message));
  }

  close(): void {
    try {
      this.api.destroy();
    } finally {
      this.realm.close();
    }
  }
}
