import { ApiEvents } from '../api/api-events.ts';
import { createApi, type NavigationAction } from '../api/create-api.ts';
import { openChat } from '../api/customer-service-chat.ts';
import { elementAnimations } from '../api/element-animations.ts';
import { FileStore } from '../api/files/file-store.ts';
import { DEFAULT_SYSTEM_INFO, type HostCapabilities, type SystemInfo } from '../api/host-capabilities.ts';
import { PerformanceLog } from '../api/performance-log.ts';
import { remoteHost } from '../api/remote-host.ts';
import { RouteEvents } from '../api/route-events.ts';
import { StorageCache } from '../api/storage-cache.ts';
import { UnloadAlerts } from '../api/unload-alert.ts';
import { createBehavior, type Definition, normaliseDefinition } from '../component/definition.ts';
import { type ErrorSource, Instance, type InstanceHost, instanceOf } from '../component/instance.ts';
import { linkRelations, unlinkRelations } from '../component/relations.ts';
import { isPlainObject } from '../data/plain-data.ts';
import { RuntimeError } from '../errors.ts';
import { type ModuleFactory, type ModuleGlobals, ModuleLoader } from '../loader/module-loader.ts';
import { EventChannel, eventChannelPair } from '../page/event-channel.ts';
import { NavigationRefusal, PageRouter } from '../page/page-router.ts';
import { type PageRoute, parsePageUrl } from '../page/page-url.ts';
import type {
  LaunchOptions,
  LogicInboundMessage,
  LogicOutboundMessage,
  QueryRequest,
  Unversioned,
} from '../protocol/messages.ts';
import { parseLogicInbound } from '../protocol/parse-message.ts';
import { ErrorLocator, LOGIC_SOURCE_URL } from './error-locator.ts';
import { declaredPages, type LogicManifest, tabPages } from './manifest.ts';

/** How long after a tap the user's action still counts (sheets that need one). */
const userActivationMs = 5_000;

import { openTypeDetail } from './open-type.ts';

export interface CreateLogicOptions {
  /** The package's `logic.js` text, or a function that calls `define` for each module. */
  logic: string | ((define: (path: string, factory: ModuleFactory) => void) => void);
  /**
   * With a function `logic` that evaluates `logic.js` itself, as a script named
   * `plaza-logic.js` (`LOGIC_SOURCE_URL`) with nothing before its first line: the text, so
   * errors still map to the author's file and line. (A realm that forbids `eval` runs the
   * bundle that way.)
   */
  source?: string;
  manifest: LogicManifest;
  /** Every outbound message (to the view and to the host), already versioned. */
  send: (message: LogicOutboundMessage) => void;
  /**
   * The host's capabilities in the same thread. Leave it out in a worker: calls then travel
   * as `host.call` messages through `send`, answered by `host.result`.
   */
  host?: HostCapabilities;
}

/** The logic layer of one running mini program. */
export interface Logic {
  /** Hands a message from the view or the host; returns false when it was dropped. */
  receive(raw: unknown): boolean;
  /** Starts the app (also triggered by an `app.launch` message). */
  launch(options?: LaunchOptions): Promise<void>;
  /** The `tt`/`wx` object the program sees. */
  readonly api: Record<string, unknown>;
  getCurrentPages(): Record<string, unknown>[];
  getApp(): Record<string, unknown> | undefined;
  /** The id of the page or component whose `this` is given; tools that drive the program (the automator) name instances by it. */
  instanceId(instance: unknown): string | undefined;
  /** The `this` of the live page or component with that id. */
  instance(id: string): Record<string, unknown> | undefined;
  /**
   * A promise rejection nobody handled: handed to `wx.onUnhandledRejection` listeners. Returns
   * false when none listens, so the caller reports it as an error.
   */
  unhandledRejection(reason: unknown): boolean;
  /**
   * `plaza dev`: `evaluate` defines new modules for the scripts of `pages`, which are
   * registered again; the page on screen, if it is one of them, loads again in its place with
   * its query (as WeChat's devtools hot reload does). The rest of the stack stays.
   */
  replacePages(evaluate: (define: ModuleFactoryDefine) => void, pages: readonly string[]): void;
}

/** What a bundle calls for each module: `__plaza_define(path, factory)`. */
export type ModuleFactoryDefine = (path: string, factory: ModuleFactory) => void;

type Registered = { def: Definition; file: string };

/**
 * Creates the logic layer: evaluates the bundle, runs App/Page/Component, owns the page
 * stack and the API, and speaks the protocol through `send` / `receive`.
 * @example const logic = createLogic({ logic: source, manifest, host, send: (m) => view.receive(m) });
 *          await logic.launch({ path: 'pages/index/index' });
 */
export function createLogic(options: CreateLogicOptions): Logic {
  const { manifest } = options;
  const send = (message: Unversioned<LogicOutboundMessage>) =>
    options.send({ v: 1, ...message } as LogicOutboundMessage);
  const remote = options.host ? undefined : remoteHost(send);
  const host = options.host ?? remote!.host;
  const locator =
    typeof options.logic === 'string' ? new ErrorLocator(options.logic) : new ErrorLocator(options.source, 0);
  const registry = new Map<string, Registered>();
  const instances = new Map<string, Instance>();
  const dirty = new Set<Instance>();
  const pendingQueries = new Map<number, (results: unknown[]) => void>();
  const pagesDeclared = declaredPages(manifest);
  const tabs = tabPages(manifest);
  let app: Record<string, unknown> | undefined;
  let appFile = 'app.js';
  let systemInfo: SystemInfo = DEFAULT_SYSTEM_INFO;
  let launchOptions: LaunchOptions = {};
  let enterOptions: LaunchOptions = {};
  let launching: Promise<void> | undefined;
  let flushScheduled = false;
  let reportingError = false;
  let nextPageId = 1;
  let nextQueryId = 1;
  let components: readonly string[] = [];
  const pageCreatedAt = new WeakMap<Instance, number>();
  /** The opened page's end of the channel `navigateTo` is making, while it makes the page. */
  let openingChannel: EventChannel | undefined;

  function report(error: unknown, source: ErrorSource, file?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack : undefined;
    const where = locator.locate(stack, file);
    send({ type: 'error', source, message, stack, ...where });
    const onError = app?.onError ?? (() => undefined);
    if (typeof onError === 'function' && !reportingError) {
      reportingError = true;
      try {
        events.emit('Error', stack ?? message);
        onError.call(app, stack ?? message);
      } catch (inner) {
        send({ type: 'error', source: 'lifecycle', message: String(inner), file: appFile });
      } finally {
        reportingError = false;
      }
    }
  }

  const instanceHost: InstanceHost = {
    send,
    report,
    instances,
    scheduleFlush(instance) {
      dirty.add(instance);
      if (flushScheduled) return;
      flushScheduled = true;
      // Every setData of one tick leaves as one patch per instance.
      queueMicrotask(flushDirty);
    },
    extendPublic(instance, target) {
      target.createSelectorQuery = () => {
        const query = api.createSelectorQuery as () => { in(c: unknown): unknown };
        return query().in(instance.public);
      };
      // `this.createIntersectionObserver(options)` is `wx.createIntersectionObserver(this, options)`.
      target.createIntersectionObserver = (options?: unknown) =>
        (api.createIntersectionObserver as (component: unknown, options?: unknown) => unknown)(
          instance.public,
          options,
        );
      // A program's own `animate` method (a common name) stays the program's.
      const animations = elementAnimations(host, (error) => report(error, 'handler'));
      if (!Object.hasOwn(target, 'animate')) target.animate = animations.animate;
      if (!Object.hasOwn(target, 'clearAnimation')) target.clearAnimation = animations.clearAnimation;
    },
  };

  const storage = new StorageCache(host, (error) => report(error, 'api'));
  const events = new ApiEvents((error) => report(error, 'handler'));
  const routes = new RouteEvents(events);
  const unloadAlerts = new UnloadAlerts();
  const performanceLog = new PerformanceLog((error) => report(error, 'handler'));
  const files = new FileStore(host);
  // A tap (or a payment's end) lets the next few seconds open sheets that need the user's
  // own action, as browsers' transient activation does.
  let activatedAt = Number.NEGATIVE_INFINITY;
  const userActivation = {
    active: () => PerformanceLog.now() - activatedAt < userActivationMs,
    grant: () => {
      activatedAt = PerformanceLog.now();
    },
  };
  const api = createApi({
    userActivation,
    files,
    events,
    performance: performanceLog,
    components: () => components,
    subpackages: () => {
      const named = (manifest.appConfig?.subpackages ?? manifest.appConfig?.subPackages ?? []) as {
        root?: string;
        name?: string;
      }[];
      return (manifest.subpackages ?? []).map((sub) => ({
        root: sub.root,
        name: named.find((n) => n.root?.replace(/\/+$/, '') === sub.root.replace(/\/+$/, ''))?.name,
      }));
    },
    log: (level, message) => send({ type: 'log', level: level === 'error' ? 'warn' : level, message }),
    host,
    storage,
    appId: manifest.appId ?? '',
    systemInfo: () => systemInfo,
    launchOptions: () => launchOptions,
    enterOptions: () => enterOptions,
    navigate: async (action, o) => {
      await launching;
      if (action !== 'navigateTo') {
        navigate(action, o);
        return undefined;
      }
      const { opener, opened } = eventChannelPair(o.events, (error) => report(error, 'handler'));
      openingChannel = opened;
      try {
        navigate(action, o);
      } finally {
        openingChannel = undefined;
      }
      return { eventChannel: opener };
    },
    query: (requests) => query(requests),
    currentPageId: () => router.top?.id,
    currentPageUrl: () => (router.top ? pageUrl(router.top) : undefined),
    unloadAlerts,
    scopeOf: (component) => instanceOf(component)?.id,
    report: (error) => report(error, 'handler'),
  });

  // ── program globals ──
  const currentFile = () => loader.current ?? '<unknown>';
  const definePath = () => currentFile().replace(/\.js$/, '');
  const register = (kind: 'page' | 'component', definition: unknown) => {
    const file = currentFile();
    registry.set(definePath(), {
      def: normaliseDefinition(kind, definePath(), isPlainObject(definition) ? definition : {}),
      file,
    });
  };
  const timer =
    (schedule: (handler: () => void, ms?: number) => unknown) =>
    (fn: unknown, ms?: number, ...args: unknown[]) => {
      const file = currentFile();
      return schedule(() => {
        if (typeof fn !== 'function') return;
        try {
          fn(...args);
        } catch (error) {
          report(error, 'timer', file);
        }
      }, ms);
    };
  const globals: ModuleGlobals = {
    App(definition: unknown) {
      if (app) throw new RuntimeError('APP_TWICE');
      app = { ...(isPlainObject(definition) ? definition : {}) };
      appFile = currentFile();
    },
    Page: (definition: unknown) => register('page', definition),
    Component: (definition: unknown) => register('component', definition),
    Behavior: (definition: unknown) => createBehavior(isPlainObject(definition) ? definition : {}),
    getApp: () => app,
    getCurrentPages: () => router.stack.map((p) => p.public),
    tt: api,
    wx: api,
    // WeChat's client defines this global and programs read `__wxConfig.envVersion` at load time;
    // it says what getAccountInfoSync says.
    __wxConfig: Object.freeze({
      envVersion: 'release',
      accountInfo: Object.freeze({ appId: manifest.appId ?? '' }),
      pages: Object.freeze([...pagesDeclared]),
      entryPagePath: [...pagesDeclared][0] ?? '',
    }),
    // The logic layer's `global` on the platforms: an object of the program's own that its
    // modules share (libraries such as MobX keep their state on it), not the realm's global.
    global: {},
    setTimeout: timer(setTimeout),
    setInterval: timer(setInterval),
    clearTimeout: (id: number) => clearTimeout(id),
    clearInterval: (id: number) => clearInterval(id),
    requirePlugin: (name: string) => {
      throw new RuntimeError('PLUGIN_UNAVAILABLE', String(name));
    },
  };
  const loader = new ModuleLoader(() => globals);

  function callApp(name: string, ...args: unknown[]): void {
    const fn = app?.[name];
    if (typeof fn !== 'function') return;
    try {
      fn.apply(app, args);
    } catch (error) {
      report(error, 'lifecycle', appFile);
    }
  }

  /** The definition registered for a page or component path, loading its module on first use. */
  function definitionOf(path: string): Registered | undefined {
    if (!registry.has(path) && loader.has(path)) {
      try {
        loader.load(path);
      } catch (error) {
        report(error, 'load', `${path}.js`);
        return undefined;
      }
    }
    return registry.get(path);
  }

  function pageComponents(page: Instance): Instance[] {
    return [...instances.values()].filter((i) => i.page === page && !i.isPage && !i.early);
  }

  const staticChildren = manifest.staticChildren ?? {};
  let nextEarlyId = 1;

  /**
   * The platforms build an owner's template, creating the components it always renders,
   * before the owner's `attached` and a page's `onLoad`, so `selectComponent` there finds
   * them. Those are created here ahead of the view, which claims them as it renders them.
   */
  function createStaticChildren(owner: Instance): void {
    for (const declared of staticChildren[owner.def.path] ?? []) {
      // The condition as the owner's template first sees it: its data now, before attached.
      if (declared.when?.some((field) => !owner.data[field])) continue;
      const found = definitionOf(declared.path);
      if (!found) continue;
      const child = new Instance(instanceHost, `e${nextEarlyId++}`, found.def, false, found.file);
      child.early = true;
      child.owner = owner;
      child.parent = owner;
      child.page = owner.isPage ? owner : owner.page;
      child.tag = declared.tag;
      child.idAttr = declared.id;
      child.classes = declared.classes;
      instances.set(child.id, child);
      createStaticChildren(child);
      // Properties wait for the view: an observer may query the rendered node, as vant's do.
      child.runLifetime('created');
    }
  }

  /** The early instance a rendered tag stands for: same owner, component and id, first made first. */
  function claimEarly(owner: Instance | undefined, def: Definition, id: string): Instance | undefined {
    for (const candidate of instances.values()) {
      if (candidate.early && candidate.owner === owner && candidate.def === def && candidate.idAttr === id) {
        instances.delete(candidate.id);
        candidate.early = false;
        return candidate;
      }
    }
    return undefined;
  }

  /** Early instances the view never claimed go with their owner. */
  function dropEarly(owner: Instance): void {
    for (const candidate of [...instances.values()]) {
      if (!candidate.early || candidate.owner !== owner) continue;
      dropEarly(candidate);
      candidate.detached = true;
      instances.delete(candidate.id);
    }
  }

  // Only what app.json declares is a page, as on the platforms: a component's or a helper's
  // module is not one because it exists.
  const isPage = (path: string) => pagesDeclared.has(path);

  const router = new PageRouter({
    exists: (path) => isPage(path),
    isTab: (path) => tabs.has(path),
    create(route: PageRoute) {
      const found = definitionOf(route.path);
      if (!found) throw new NavigationRefusal(new RuntimeError('PAGE_NOT_REGISTERED', route.path).message);
      const page = new Instance(instanceHost, `p${nextPageId++}`, found.def, true, found.file);
      pageCreatedAt.set(page, PerformanceLog.now());
      page.query = { ...route.query };
      const channel = openingChannel ?? new EventChannel((error) => report(error, 'handler'));
      page.public.getOpenerEventChannel = () => channel;
      instances.set(page.id, page);
      return page;
    },
    load(page: Instance, route: PageRoute) {
      createStaticChildren(page);
      if (page.def.kind === 'component') {
        page.runLifetime('created');
        page.applyProperties(route.query);
        page.runLifetime('attached');
      }
      routes.pageLoad('before', route.path, route.query, page.public);
      page.callMethod('onLoad', [{ ...route.query }]);
      routes.pageLoad('after', route.path, route.query, page.public);
      const mounted = page.mount();
      send({
        type: 'page.create',
        instanceId: page.id,
        path: route.path,
        query: page.query,
        data: mounted.data,
        renderId: mounted.renderId,
        options: page.def.options,
      });
    },
    show(page) {
      page.callMethod('onShow', []);
      page.runPageLifetime('show');
      for (const c of pageComponents(page)) c.runPageLifetime('show');
    },
    hide(page) {
      page.callMethod('onHide', []);
      page.runPageLifetime('hide');
      for (const c of pageComponents(page)) c.runPageLifetime('hide');
    },
    unload(page) {
      routes.pageUnload('before', page.def.path, page.public);
      page.callMethod('onUnload', []);
      if (page.def.kind === 'component') page.runLifetime('detached');
      for (const c of pageComponents(page)) detach(c);
      dropEarly(page);
      page.detached = true;
      instances.delete(page.id);
      routes.pageUnload('after', page.def.path, page.public);
      send({ type: 'page.destroy', instanceId: page.id });
    },
    announce(action, stack) {
      send({
        type: 'page.navigate',
        action,
        stack: stack.map((p) => ({ instanceId: p.id, path: p.def.path })),
      });
    },
  });

  function navigate(action: NavigationAction, o: Record<string, unknown>): void {
    if (!launching) throw new RuntimeError('NOT_LAUNCHED');
    const started = PerformanceLog.now();
    const target = routeTarget(action, o);
    routes.begin(action, target.path, target.query);
    try {
      router.run(action, o);
    } catch (error) {
      routes.abandon();
      throw error;
    }
    announceRoute();
    performanceLog.add({
      entryType: 'navigation',
      name: 'route',
      startTime: started,
      duration: PerformanceLog.now() - started,
      path: router.top?.def.path ?? '',
      navigationType: action,
    });
  }

  /** Where a navigation goes, for `wx.onBeforeAppRoute`: the url's page, or the page `navigateBack` returns to. */
  function routeTarget(action: NavigationAction, o: Record<string, unknown>): PageRoute {
    if (action !== 'navigateBack') return parsePageUrl(String(o.url ?? ''), router.top?.def.path ?? '');
    const delta = typeof o.delta === 'number' && o.delta >= 1 ? Math.floor(o.delta) : 1;
    const below = router.stack[Math.max(0, router.stack.length - 1 - delta)];
    return { path: below?.def.path ?? '', query: { ...(below?.query ?? {}) } };
  }

  function announceRoute(): void {
    const top = router.top;
    if (top) routes.end(top.def.path, { ...top.query }, Number(top.id.slice(1)) || 0);
    else routes.abandon();
  }

  /** Sends the patches of every setData so far, in the order the program made them. */
  function flushDirty(): void {
    flushScheduled = false;
    const batch = [...dirty];
    dirty.clear();
    for (const inst of batch) inst.flush();
  }

  function query(requests: QueryRequest[]): Promise<unknown[]> {
    // As on the platforms, a query sees every setData made before it: a `wx:if` just set
    // true has its node by the time the view answers.
    flushDirty();
    const queryId = nextQueryId++;
    return new Promise((resolve) => {
      pendingQueries.set(queryId, resolve);
      send({ type: 'query.request', queryId, requests });
    });
  }

  function detach(component: Instance): void {
    if (component.detached) return;
    for (const child of component.children) detach(child);
    dropEarly(component);
    component.runLifetime('detached');
    unlinkRelations(component);
    component.parent?.children.delete(component);
    component.detached = true;
    instances.delete(component.id);
  }

  // ── evaluate the bundle: defines only register factories, nothing runs yet ──
  const evaluating = PerformanceLog.now();
  try {
    if (typeof options.logic === 'string') {
      const evaluate = new Function('__plaza_define', `${options.logic}\n//# sourceURL=${LOGIC_SOURCE_URL}`);
      evaluate(loader.define);
    } else {
      options.logic(loader.define);
    }
  } catch (error) {
    report(new RuntimeError('LOGIC_SOURCE', error instanceof Error ? error.message : String(error)), 'load');
  }
  performanceLog.add({
    entryType: 'script',
    name: 'evaluateScript',
    startTime: evaluating,
    duration: PerformanceLog.now() - evaluating,
  });

  async function launch(launch: LaunchOptions = {}): Promise<void> {
    if (launching) return launching;
    launching = (async () => {
      const started = PerformanceLog.now();
      await storage.load().catch((error: unknown) => report(error, 'api'));
      await files.load().catch((error: unknown) => report(error, 'api'));
      systemInfo = await host.getSystemInfo().catch(() => DEFAULT_SYSTEM_INFO);
      const entry = (launch.path ?? manifest.entryPage).replace(/^\/+/, '');
      launchOptions = {
        path: entry,
        query: launch.query ?? {},
        scene: launch.scene ?? 1001,
        referrerInfo: launch.referrerInfo ?? {},
      };
      enterOptions = launchOptions;
      if (loader.has('app')) {
        try {
          loader.load('app');
        } catch (error) {
          report(error, 'load', 'app.js');
        }
      }
      callApp('onLaunch', { ...launchOptions });
      callApp('onShow', { ...launchOptions });
      events.emit('AppShow', { ...launchOptions });
      let route: PageRoute = { path: entry, query: { ...(launch.query ?? {}) } };
      if (!isPage(route.path)) {
        callApp('onPageNotFound', { path: route.path, query: route.query, isEntryPage: true });
        events.emit('PageNotFound', { path: route.path, query: route.query, isEntryPage: true });
        if (router.stack.length > 0) return;
        route = { path: manifest.entryPage, query: {} };
      }
      routes.begin('appLaunch', route.path, route.query);
      try {
        router.launch(route);
      } catch (error) {
        report(error, 'load');
      }
      announceRoute();
      performanceLog.add({
        entryType: 'navigation',
        name: 'appLaunch',
        startTime: started,
        duration: PerformanceLog.now() - started,
        path: route.path,
        navigationType: 'appLaunch',
      });
    })();
    return launching;
  }

  function handle(message: LogicInboundMessage): void {
    switch (message.type) {
      case 'app.launch':
        components = message.components ?? components;
        void launch(message.options);
        return;
      case 'app.show':
        if (message.options) enterOptions = { ...launchOptions, ...message.options };
        callApp('onShow', { ...enterOptions });
        events.emit('AppShow', { ...enterOptions });
        if (router.top) router.top.callMethod('onShow', []);
        return;
      case 'app.hide':
        if (router.top) router.top.callMethod('onHide', []);
        callApp('onHide');
        events.emit('AppHide', {});
        return;
      case 'view.contact':
        openChat(host, message, () => (router.top ? pageUrl(router.top) : undefined)).catch(
          (error: unknown) => report(error, 'api'),
        );
        return;
      case 'host.navigate':
      case 'view.navigate': {
        const action = message.type === 'host.navigate' ? message.action : viewAction(message.openType);
        if (!action) return;
        const run = () => {
          try {
            navigate(action, { url: message.url, delta: message.delta });
          } catch (error) {
            send({
              type: 'log',
              level: 'warn',
              message: `${action}:fail ${error instanceof Error ? error.message : String(error)}`,
            });
          }
        };
        const top = router.top;
        // The user's own back (the host's button) asks first when the page enabled the alert.
        if (
          message.type === 'host.navigate' &&
          action === 'navigateBack' &&
          top &&
          unloadAlerts.asks(top.id)
        ) {
          unloadAlerts.confirmLeave(top.id, host).then(
            (leave) => {
              if (leave && router.top === top) run();
            },
            (error: unknown) => report(error, 'api'),
          );
          return;
        }
        run();
        return;
      }
      case 'host.result':
        remote?.settle(message);
        return;
      case 'host.share':
        if (router.top)
          pageEvent(router.top, {
            v: 1,
            type: 'page.event',
            instanceId: router.top.id,
            name: 'shareAppMessage',
            payload: { from: 'menu' },
            requestId: message.requestId,
          });
        return;
      case 'host.event': {
        const answers = events.emit(message.event, { ...message.payload });
        // Copy link in the host's menu: the page's link, with the query its listener answers.
        if (message.event === 'CopyUrl' && router.top) {
          const queries = answers.map((a) => (a as { query?: unknown } | undefined)?.query);
          const query = queries.filter((q) => typeof q === 'string').pop() ?? '';
          host
            .copyPageLink({ path: router.top.def.path, query })
            .catch((error: Error) =>
              send({ type: 'log', level: 'warn', message: `Copy link: ${error.message}` }),
            );
        }
        return;
      }
      case 'query.result': {
        const resolve = pendingQueries.get(message.queryId);
        pendingQueries.delete(message.queryId);
        resolve?.(message.results);
        return;
      }
      case 'component.attach':
        attach(message);
        return;
      case 'component.detach': {
        const component = instances.get(message.instanceId);
        if (component && !component.isPage) detach(component);
        return;
      }
      default:
        handleInstanceMessage(message);
    }
  }

  function attach(message: Extract<LogicInboundMessage, { type: 'component.attach' }>): void {
    if (instances.has(message.instanceId)) return;
    const found = definitionOf(message.path);
    if (!found) {
      report(new RuntimeError('COMPONENT_NOT_REGISTERED', message.path), 'load', `${message.path}.js`);
      return;
    }
    const owner = instances.get(message.ownerId);
    const early = claimEarly(owner, found.def, message.id);
    const component = early ?? new Instance(instanceHost, message.instanceId, found.def, false, found.file);
    component.id = message.instanceId;
    component.owner = owner;
    component.parent = instances.get(message.parentId) ?? component.owner;
    component.parent?.children.add(component);
    component.page = component.owner?.isPage ? component.owner : component.owner?.page;
    component.tag = message.tag;
    component.idAttr = message.id;
    component.classes = message.classes;
    component.dataset = message.dataset;
    component.models = message.models ?? {};
    instances.set(component.id, component);
    if (!early) {
      createStaticChildren(component);
      component.runLifetime('created');
    }
    component.applyProperties(message.properties);
    component.runLifetime('attached');
    linkRelations(component);
    const mounted = component.mount();
    send({
      type: 'component.init',
      instanceId: component.id,
      renderId: mounted.renderId,
      data: mounted.data,
      options: found.def.options,
      externalClasses: found.def.externalClasses,
    });
  }

  function handleInstanceMessage(
    message: Exclude<
      LogicInboundMessage,
      {
        type:
          | 'app.launch'
          | 'app.show'
          | 'app.hide'
          | 'host.navigate'
          | 'host.share'
          | 'view.navigate'
          | 'view.contact'
          | 'host.result'
          | 'host.event'
          | 'query.result'
          | 'component.attach'
          | 'component.detach';
      }
    >,
  ): void {
    const instance = instances.get(message.instanceId);
    if (!instance) return;
    switch (message.type) {
      case 'event':
        void dispatchEvent(instance, message);
        return;
      case 'component.props':
        if (message.id !== undefined) instance.idAttr = message.id;
        if (message.classes) instance.classes = message.classes;
        if (message.dataset) instance.dataset = message.dataset;
        instance.applyProperties(message.properties);
        return;
      case 'render.done':
        instance.rendered(message.renderId);
        if (!instance.ready) {
          instance.ready = true;
          if (instance.isPage)
            performanceLog.add({
              entryType: 'render',
              name: 'firstRender',
              startTime: pageCreatedAt.get(instance) ?? PerformanceLog.now(),
              duration: PerformanceLog.now() - (pageCreatedAt.get(instance) ?? PerformanceLog.now()),
              path: instance.def.path,
            });
          if (instance.def.kind === 'component') instance.runLifetime('ready');
          if (instance.isPage) instance.callMethod('onReady', []);
        }
        return;
      case 'model.update':
        instance.setData({ [message.path]: message.value });
        return;
      case 'page.event':
        pageEvent(instance, message);
        return;
    }
  }

  async function dispatchEvent(
    instance: Instance,
    message: Extract<LogicInboundMessage, { type: 'event' }>,
  ): Promise<void> {
    if (typeof instance.public[message.handler] !== 'function') {
      const name = instance.isPage ? instance.def.path : instance.def.path;
      send({
        type: 'log',
        level: 'warn',
        message: new RuntimeError('HANDLER_MISSING', name, message.handler).message,
      });
      return;
    }
    if (message.event.type === 'tap' || message.openType) userActivation.grant();
    const event = message.openType
      ? { ...message.event, detail: await openTypeDetail(host, message.openType, message.event.detail) }
      : message.event;
    instance.callMethod(message.handler, [event], 'handler');
  }

  function pageEvent(page: Instance, message: Extract<LogicInboundMessage, { type: 'page.event' }>): void {
    // A key pressed on the page on top: the program's `wx.onKeyDown`/`wx.onKeyUp` listeners.
    if (message.name === 'keyDown' || message.name === 'keyUp') {
      if (page === router.top)
        events.emit(message.name === 'keyDown' ? 'KeyDown' : 'KeyUp', keyOf(message.payload));
      return;
    }
    const hooks = {
      pageScroll: 'onPageScroll',
      reachBottom: 'onReachBottom',
      pullDownRefresh: 'onPullDownRefresh',
      resize: 'onResize',
      tabItemTap: 'onTabItemTap',
      shareAppMessage: 'onShareAppMessage',
    } as const;
    const args = message.payload === undefined ? [] : [message.payload];
    const value = page.callMethod(hooks[message.name], args, 'handler');
    if (message.name === 'resize') for (const c of pageComponents(page)) c.runPageLifetime('resize', args);
    if (message.requestId !== undefined)
      send({ type: 'page.event.result', requestId: message.requestId, value: value ?? null });
  }

  return {
    receive(raw) {
      const parsed = parseLogicInbound(raw);
      if (!parsed.ok) {
        send({ type: 'log', level: 'warn', message: `dropped message: ${parsed.reason}` });
        return false;
      }
      handle(parsed.message);
      return true;
    },
    launch,
    api,
    getCurrentPages: () => router.stack.map((p) => p.public),
    getApp: () => app,
    instanceId: (instance) => instanceOf(instance)?.id,
    instance: (id) => instances.get(id)?.public,
    replacePages(evaluate, pages) {
      try {
        evaluate(loader.redefine);
      } catch (error) {
        report(error, 'load');
        return;
      }
      for (const page of pages) registry.delete(page);
      const top = router.top;
      if (!top || !pages.includes(top.def.path)) return;
      // Query values are kept as the url had them (undecoded), so they go back as they are.
      const url = `/${pageUrl(top)}`;
      // A tab page cannot be redirected to; it stands alone in its stack, so it is launched again.
      const action = tabs.has(top.def.path) ? 'reLaunch' : 'redirectTo';
      try {
        navigate(action, { url });
      } catch (error) {
        report(error, 'load');
      }
    },
    unhandledRejection(reason) {
      if (!events.has('UnhandledRejection')) return false;
      events.emit('UnhandledRejection', { reason, promise: Promise.reject(reason).catch(() => undefined) });
      return true;
    },
  };
}

/** The dialects' key event: `key`, `code`, `keyCode`, `timeStamp`, from what the view sent. */
function keyOf(payload: unknown): Record<string, unknown> {
  const p = isPlainObject(payload) ? payload : {};
  return {
    key: typeof p.key === 'string' ? p.key : '',
    code: typeof p.code === 'string' ? p.code : '',
    keyCode: typeof p.keyCode === 'number' ? p.keyCode : 0,
    timeStamp: typeof p.timeStamp === 'number' ? p.timeStamp : 0,
  };
}

/** A page's path with its query as the url had it (values undecoded, so they go back as they are). */
function pageUrl(page: Instance): string {
  const query = Object.entries(page.query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return `${page.def.path}${query ? `?${query}` : ''}`;
}

function viewAction(openType: string): NavigationAction | undefined {
  const map: Record<string, NavigationAction> = {
    navigate: 'navigateTo',
    redirect: 'redirectTo',
    switchTab: 'switchTab',
    reLaunch: 'reLaunch',
    navigateBack: 'navigateBack',
  };
  return map[openType];
}
