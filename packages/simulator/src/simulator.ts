import { containerComponents } from '@plaza/container';
import {
  declaredPages,
  type LogicOutboundMessage,
  type LogicToViewMessage,
  parseDataPath,
  serveHost,
  writePath,
} from '@plaza/runtime';
import { loadProgram, type Program } from './build/load-program.ts';
import { snapshotOf } from './dom/snapshot.ts';
import { SimulatorError } from './errors.ts';
import { describeError, type ProgramError } from './program-error.ts';
import { authoredClasses, scopedSelector } from './query/scoped-selector.ts';
import { LogicThread, MessageScheduler } from './sandbox/logic-thread.ts';
import { RealmTimeout } from './sandbox/realm.ts';
import { watchRejections } from './sandbox/rejections.ts';
import { ViewThread } from './sandbox/view-thread.ts';
import { type HostCall, type HostUi, scenarioHost } from './scenario/host.ts';
import type { Scenario } from './scenario/scenario.ts';

export interface LaunchOptions {
  /** The page to open (`pages/shop/shop`); the package's entry page by default. */
  path?: string;
  query?: Record<string, string>;
  /** How the host answers: user, payment, server, modals, storage, device. */
  scenario?: Scenario;
  /** An already built program, to skip loading (used by `plaza check`). */
  program?: Program;
  /** How long launch and `waitFor` wait by default, in ms. */
  timeout?: number;
  /**
   * Whether launch throws when the program raised errors before its first page rendered
   * (default true). Reports that want every page's errors (`plaza check`) turn it off and
   * read `errors`.
   */
  failOnError?: boolean;
  /**
   * How long the program may run without returning (one message, timer or user action)
   * before the watchdog stops it and records an error; 2,000 ms by default.
   */
  scriptBudgetMs?: number;
  /**
   * Lets `runInLogic` reach the program's logic (`__plaza_automated_logic`): the automator's
   * headless driver. Off for tests, checks and the review.
   */
  automation?: boolean;
}

/** One page as the program sees it: `getCurrentPages()` entries. */
export interface SimulatedPage {
  id: string;
  path: string;
  query: Record<string, string>;
  /** The page's data as the view last received it. */
  data: Record<string, unknown>;
}

/** What crossed between the threads: the byte counts the real bridge would carry. */
export interface Traffic {
  messages: number;
  /** Bytes of `patch` messages (JSON), the cost of setData. */
  patchBytes: number;
  patches: number;
}

type Target = string | Element;

/** Attributes the view layer keeps for itself (and aria-* plumbing): left out of snapshots. */
const BOOKKEEPING = new Set(['data-plaza', 'data-instance', 'style', 'role', 'tabindex']);

/**
 * Launches a mini program in Node: the real runtime in an isolated realm, the real view
 * layer over a light DOM, every host capability answered by the scenario. Resolves once the
 * first page has rendered; throws if the program failed to get there.
 *
 * @example
 * const sim = await launch('examples/takeout', { scenario: { payment: 'cancelled' } });
 * await sim.tap('#dish-beef-noodles .stepper__plus');
 * expect(sim.text('.cart-bar__total')).toBe('¥28.00');
 * sim.close();
 */
export async function launch(projectOrPackageDir: string, options: LaunchOptions = {}): Promise<Simulator> {
  const program = options.program ?? (await loadProgram(projectOrPackageDir));
  const sim = new Simulator(program, options);
  await sim.start();
  return sim;
}

export class Simulator {
  /** Runtime errors of the program, in order; launch, actions and waitFor throw on new ones. */
  readonly errors: ProgramError[] = [];
  /** Warnings and console output of the program. */
  readonly logs: Array<{ level: string; message: string }> = [];
  readonly traffic: Traffic = { messages: 0, patchBytes: 0, patches: 0 };
  /** Every page the program opened, in order, including those it has left since. */
  readonly visited: string[] = [];
  private readonly scheduler: MessageScheduler;
  private readonly host: ReturnType<typeof scenarioHost>;
  private readonly pages = new Map<string, SimulatedPage>();
  private readonly components = new Map<string, { id: string; data: Record<string, unknown> }>();
  private stack: string[] = [];
  private readonly prefixes: string[];
  /** Classes the view puts on component hosts for scoped styles: not the author's. */
  private readonly hostClasses: string[];
  private view: ViewThread | undefined;
  private logic: LogicThread | undefined;
  private closed = false;
  private readonly timeout: number;
  private readonly failOnError: boolean;
  private readonly budgetMs: number;
  private stopWatchingRejections: (() => void) | undefined;

  constructor(
    readonly program: Program,
    private readonly options: LaunchOptions,
  ) {
    this.timeout = options.timeout ?? 5_000;
    this.failOnError = options.failOnError ?? true;
    this.budgetMs = options.scriptBudgetMs ?? 2_000;
    const tabBar = program.manifest.appConfig.tabBar as { list?: unknown[] } | undefined;
    this.host = scenarioHost(options.scenario, { tabBarItems: tabBar?.list?.length ?? 0 });
    this.host.onSocketEvent((event) => {
      if (!this.closed)
        this.logic?.post({ v: 1, type: 'host.event', event: 'Socket', payload: { ...event } });
    });
    this.host.onAudioEvent((event) => {
      if (!this.closed) this.logic?.post({ v: 1, type: 'host.event', event: 'Audio', payload: { ...event } });
    });
    this.scheduler = new MessageScheduler((error) => this.recordThrown(error, 'logic'));
    const scopes = Object.values(program.manifest.components).map((c) => c.styleScope);
    this.prefixes = scopes.map((s) => s.prefix).filter(Boolean);
    this.hostClasses = scopes.map((s) => s.hostClass).filter(Boolean);
  }

  /** @internal Boots both threads and waits for the first page. */
  async start(): Promise<void> {
    const { manifest } = this.program;
    const path = (this.options.path ?? manifest.entryPage).replace(/^\/+/, '');
    const stopped = this.program.pageErrors?.[path];
    if (stopped) throw new SimulatorError('SIM_BUILD_FAILED', [stopped.join('\n')]);
    if (!allPages(this.program).includes(path)) throw new SimulatorError('SIM_PAGE_UNKNOWN', [path]);
    this.stopWatchingRejections = watchRejections({
      claims: (reason) => this.logic?.owns(reason) === true,
      reject: (reason) =>
        this.record({ source: 'promise', message: messageOf(reason), stack: stackOf(reason) }),
    });
    const log = (level: string, message: string) => this.logs.push({ level, message });
    this.view = await ViewThread.start({
      view: this.program.view,
      windowWidth: Number(this.options.scenario?.systemInfo?.windowWidth ?? 375),
      scheduler: this.scheduler,
      budgetMs: this.budgetMs,
      onMessage: (message) => {
        const m = message as { type?: string; instanceId?: string };
        if (m.type === 'component.detach' && m.instanceId) this.components.delete(m.instanceId);
        this.logic?.post(message);
      },
      onLog: log,
      onUncaught: (error) => this.recordThrown(error, 'view'),
    });
    this.logic = await LogicThread.start({
      manifest,
      logic: this.program.logic,
      scheduler: this.scheduler,
      budgetMs: this.budgetMs,
      onMessage: (message) => this.fromLogic(message as LogicOutboundMessage),
      onLog: log,
      onUncaught: (error) => this.recordThrown(error, 'uncaught'),
      automation: this.options.automation === true,
    });
    this.logic.post({
      v: 1,
      type: 'app.launch',
      options: { path, query: this.options.query ?? {} },
      components: containerComponents({ webViewOrigins: [] }).tags(),
    });
    try {
      // A program that fails before its page exists never renders: with failOnError off,
      // launch then resolves on the errors so the caller can report them.
      await this.waitFor(() => this.stack.length > 0 || (!this.failOnError && this.errors.length > 0), {
        timeout: this.timeout,
        message: `page ${path} to render`,
        tolerateErrors: !this.failOnError,
      });
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** The page on top of the stack. */
  get page(): SimulatedPage {
    const top = this.pages.get(this.stack[this.stack.length - 1] ?? '');
    if (!top) throw new SimulatorError('SIM_NO_PAGE');
    return top;
  }

  /** The page stack, bottom first, like `getCurrentPages()`. */
  getCurrentPages(): SimulatedPage[] {
    return this.stack.map((id) => this.pages.get(id)).filter((p): p is SimulatedPage => p !== undefined);
  }

  /** Every host capability call the program made, in order. */
  get hostCalls(): readonly HostCall[] {
    return this.host.calls;
  }

  /** Toasts, modals, the navigation bar title, loading and refresh state. */
  get ui(): HostUi {
    return this.host.ui;
  }

  /** The host's storage (what `setStorage` persisted). */
  get storage(): Map<string, unknown> {
    return this.host.storage;
  }

  /** The document the view renders into (a light DOM in the view's realm). */
  get document(): Document {
    return this.viewApi().document;
  }

  /** The current page's element, where its template renders. */
  get root(): Element {
    const api = this.viewApi();
    return api.pageElement(this.stack[this.stack.length - 1] ?? '') ?? api.root;
  }

  /** Selects in the current page with the class names the author wrote (component scoping undone). */
  query(selector: string): Element | null {
    return this.root.querySelector(scopedSelector(selector, this.prefixes));
  }

  queryAll(selector: string): Element[] {
    return Array.from(this.root.querySelectorAll(scopedSelector(selector, this.prefixes)));
  }

  exists(selector: string): boolean {
    return this.query(selector) !== null;
  }

  /** The visible text of the first match, whitespace collapsed; throws when nothing matches. */
  text(target: Target): string {
    return collapse(this.element(target).textContent ?? '');
  }

  /**
   * The custom component rendered at `target` (its host element, e.g. `dish-card`, or any
   * element inside it): its package path and its data as the view last received it.
   */
  component(target: Target): { id: string; path: string; data: Record<string, unknown> } {
    const api = this.viewApi();
    for (let el: Element | null = this.element(target); el; el = el.parentElement) {
      for (const [id, mirrored] of this.components) {
        const instance = api.instance(id);
        if (instance?.host === el) return { id, path: instance.path, data: mirrored.data };
      }
    }
    throw new SimulatorError('SIM_ELEMENT_NOT_FOUND', [
      `a component at ${String(target)}`,
      this.describePage(),
    ]);
  }

  /** The class names of an element as the author wrote them (component scoping undone). */
  classes(target: Target): string[] {
    return authoredClasses(this.element(target).getAttribute('class') ?? '', this.prefixes)
      .split(' ')
      .filter(Boolean);
  }

  /** The texts of every match. */
  texts(selector: string): string[] {
    return this.queryAll(selector).map((el) => collapse(el.textContent ?? ''));
  }

  /** Taps an element (a click, which the view turns into `tap`) and waits for the result to render. */
  async tap(target: Target): Promise<void> {
    const el = this.element(target);
    await this.act(() => this.viewThread().act('click', el));
  }

  /** Types into an `input`/`textarea`: sets its value and fires `input` as a keyboard would. */
  async input(target: Target, value: string): Promise<void> {
    const el = this.element(target) as HTMLInputElement;
    const field = el.matches('input, textarea')
      ? el
      : (el.querySelector('input, textarea') as HTMLInputElement | null);
    if (!field)
      throw new SimulatorError('SIM_ELEMENT_NOT_FOUND', [`${String(target)} input`, this.describePage()]);
    await this.act(() => this.viewThread().act('type', field, value));
  }

  /** Scrolls the page: `onPageScroll`, and `onReachBottom` when asked to scroll to the bottom. */
  async scroll(to: { top?: number; toBottom?: boolean }): Promise<void> {
    const id = this.page.id;
    await this.act(() => {
      this.logic?.post({
        v: 1,
        type: 'page.event',
        instanceId: id,
        name: 'pageScroll',
        payload: { scrollTop: to.top ?? 10_000 },
      });
      if (to.toBottom) this.logic?.post({ v: 1, type: 'page.event', instanceId: id, name: 'reachBottom' });
    });
  }

  /** Pulls the page down to refresh (`onPullDownRefresh`). */
  async pullDownRefresh(): Promise<void> {
    const id = this.page.id;
    this.host.ui.refreshing = true;
    await this.act(() =>
      this.logic?.post({ v: 1, type: 'page.event', instanceId: id, name: 'pullDownRefresh' }),
    );
  }

  /** Navigates as the host chrome would (a deep link, the back button, a tab tap). */
  async navigate(action: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    // The host's navigation is a deep link: package paths are from the root, not the top page.
    const absolute = url.startsWith('/') ? url : `/${url}`;
    await this.hostNavigate(() => this.logic?.post({ v: 1, type: 'host.navigate', action, url: absolute }));
  }

  navigateTo(url: string): Promise<void> {
    return this.navigate('navigateTo', url);
  }

  switchTab(url: string): Promise<void> {
    return this.navigate('switchTab', url);
  }

  /** The host's back button. */
  async navigateBack(delta = 1): Promise<void> {
    await this.hostNavigate(() =>
      this.logic?.post({ v: 1, type: 'host.navigate', action: 'navigateBack', delta }),
    );
  }

  /** Something the host saw, for the program's listeners: the network dropping, the theme changing. */
  async hostEvent(
    event: 'NetworkStatusChange' | 'ThemeChange',
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.act(() => this.logic?.post({ v: 1, type: 'host.event', event, payload }));
  }

  /** The app goes to the background and back, as when the user switches apps. */
  async hide(): Promise<void> {
    await this.act(() => this.logic?.post({ v: 1, type: 'app.hide' }));
  }

  async show(): Promise<void> {
    await this.act(() => this.logic?.post({ v: 1, type: 'app.show' }));
  }

  /** Runs a host navigation; the program's refusal (its `…:fail …` warning) rejects it. */
  private async hostNavigate(post: () => void): Promise<void> {
    const logsBefore = this.logs.length;
    await this.act(post);
    const refusal = this.logs
      .slice(logsBefore)
      .find((l) => l.level === 'warn' && /^\w+:fail /.test(l.message));
    if (refusal) throw new SimulatorError('SIM_NAVIGATION_REFUSED', [refusal.message]);
  }

  /**
   * Waits until `condition` holds (checked whenever both threads are quiet, and on a short
   * interval for timers). Rejects on timeout, and at once if the program throws meanwhile.
   */
  async waitFor(
    condition: () => unknown | Promise<unknown>,
    options: { timeout?: number; message?: string; tolerateErrors?: boolean } = {},
  ): Promise<void> {
    const deadline = performance.now() + (options.timeout ?? this.timeout);
    const errorsBefore = this.errors.length;
    for (;;) {
      if (this.closed) throw new SimulatorError('SIM_CLOSED');
      await this.scheduler.idle();
      if (!options.tolerateErrors) this.throwIfNewErrors(errorsBefore);
      if (await condition()) return;
      if (performance.now() > deadline) {
        throw new SimulatorError('SIM_WAIT_TIMEOUT', [
          options.timeout ?? this.timeout,
          options.message ?? String(condition),
        ]);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /**
   * Runs a script in the logic realm (a launch with `automation: true` only) and returns its
   * completion value as text; what it throws is recorded as the program's error and rethrown.
   */
  runInLogic(source: string): string {
    if (this.options.automation !== true) throw new SimulatorError('SIM_AUTOMATION_OFF');
    if (!this.logic || this.closed) throw new SimulatorError('SIM_CLOSED');
    return this.logic.run(source, 'plaza-automator.js');
  }

  /** Waits until nothing is in flight between the threads and the host. */
  async settle(): Promise<void> {
    await this.scheduler.idle();
  }

  /** The rendered tree of the current page (or of `selector`) as stable, readable markup. */
  snapshot(selector?: string): string {
    const root = selector ? this.element(selector) : this.root;
    return snapshotOf(root, {
      tagName: (el) => el.getAttribute('data-plaza') ?? el.tagName.toLowerCase(),
      attribute: (name, value) => {
        if (name === 'class') return authoredClasses(value, this.prefixes, this.hostClasses) || undefined;
        return BOOKKEEPING.has(name) || name.startsWith('aria-') ? undefined : value;
      },
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatchingRejections?.();
    this.scheduler.close();
    this.logic?.close();
    this.view?.close();
  }

  private async act(action: () => void): Promise<void> {
    if (this.closed) throw new SimulatorError('SIM_CLOSED');
    const errorsBefore = this.errors.length;
    await this.scheduler.idle();
    try {
      action();
    } catch (error) {
      this.recordThrown(error, 'view');
    }
    await this.scheduler.idle();
    this.throwIfNewErrors(errorsBefore);
  }

  /** Records something thrown on the simulator's side of a realm: the program's, or the watchdog's. */
  private recordThrown(error: unknown, source: string): void {
    this.record({
      source: error instanceof RealmTimeout ? 'watchdog' : source,
      message: messageOf(error),
      stack: error instanceof RealmTimeout ? undefined : stackOf(error),
    });
  }

  private fromLogic(message: LogicOutboundMessage): void {
    this.traffic.messages += 1;
    switch (message.type) {
      case 'host.call':
        void this.scheduler.track(serveHost(this.host.host, message, (result) => this.logic?.post(result)));
        return;
      case 'error':
        this.record(message);
        return;
      case 'log':
        this.logs.push({ level: message.level, message: message.message });
        return;
      case 'page.event.result':
        return;
      default:
        this.mirror(message);
        try {
          this.view?.deliver(message);
        } catch (error) {
          this.recordThrown(error, 'view');
        }
    }
  }

  /** Keeps each page's and component's data as the view holds it, so tests can read it. */
  private mirror(message: LogicToViewMessage): void {
    switch (message.type) {
      case 'page.create':
        this.visited.push(message.path);
        this.pages.set(message.instanceId, {
          id: message.instanceId,
          path: message.path,
          query: message.query,
          data: structuredClone(message.data),
        });
        return;
      case 'patch': {
        this.traffic.patches += 1;
        this.traffic.patchBytes += JSON.stringify(message).length;
        const data = (this.pages.get(message.instanceId) ?? this.components.get(message.instanceId))?.data;
        if (data)
          for (const [key, value] of Object.entries(message.changes))
            writePath(data, parseDataPath(key), structuredClone(value));
        return;
      }
      case 'component.init':
        this.components.set(message.instanceId, {
          id: message.instanceId,
          data: structuredClone(message.data),
        });
        return;
      case 'page.navigate':
        this.stack = message.stack.map((p) => p.instanceId);
        return;
      case 'page.destroy':
        this.pages.delete(message.instanceId);
        return;
      default:
    }
  }

  private record(error: ProgramError): void {
    const { source, message, file, line, column, stack } = error;
    this.errors.push({ source, message, file, line, column, stack });
  }

  private throwIfNewErrors(since: number): void {
    if (this.errors.length <= since) return;
    const fresh = this.errors.slice(since);
    const error = new SimulatorError('SIM_RUNTIME_ERROR', [fresh.map(describeError).join('\n')]);
    throw Object.assign(error, { programErrors: fresh });
  }

  private element(target: Target): Element {
    if (typeof target !== 'string') return target;
    const el = this.query(target);
    if (!el) throw new SimulatorError('SIM_ELEMENT_NOT_FOUND', [target, this.describePage()]);
    return el;
  }

  private describePage(): string {
    const top = this.pages.get(this.stack[this.stack.length - 1] ?? '');
    return top ? top.path : 'no page';
  }

  private viewThread(): ViewThread {
    if (!this.view || this.closed) throw new SimulatorError('SIM_CLOSED');
    return this.view;
  }

  private viewApi(): ViewThread['api'] {
    return this.viewThread().api;
  }
}

/** Every page the package declares, subpackages included (qualified by their root), once each. */
export function allPages(program: Program): string[] {
  return [...declaredPages(program.manifest)];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  if ('message' in error) return String(error.message);
  // An API's rejection: the dialects' `{ errMsg: 'navigateBack:fail …' }`.
  if ('errMsg' in error) return String(error.errMsg);
  return String(error);
}

function stackOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'stack' in error
    ? String((error as Error).stack)
    : undefined;
}
