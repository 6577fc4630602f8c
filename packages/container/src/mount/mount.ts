import {
  declaredPages,
  HOST_METHODS,
  type HostCapabilities,
  type LogicToHostMessage,
  type LogicToViewMessage,
  type PageRoute,
  parsePageUrl,
  serveHost,
} from '@plaza/runtime';
import { Bridge, type ViewEndpoint } from '../bridge/bridge.ts';
import type { MapTiles } from '../components/index.ts';
import { containerComponents } from '../components/index.ts';
import { ContainerError } from '../errors.ts';
import { type AppStore, indexedDbStore, webStorageStore } from '../host/app-store.ts';
import { browserHost, type Chrome, gatedHost, type HostContext } from '../host/browser-host.ts';
import { watchHostEvents } from '../host/host-events.ts';
import { type AppPermissions, allowedOrigins, type ConsentRequest } from '../host/permissions.ts';
import {
  type FrameStatus,
  HOT_SWAP,
  type LogicFramePayload,
  type LogicHotSwap,
} from '../logic-frame/logic-boot.ts';
import { logicFramePolicy } from '../sandbox/csp.ts';
import { bootFrame, createNonce, createSandboxedFrame, frameDocument } from '../sandbox/frame-document.ts';
import type { CapsuleButton } from '../shell/capsule.ts';
import { checkedChrome, packageFilePath, type RefusedValue } from '../shell/chrome-values.ts';
import { HostUi } from '../shell/host-ui.ts';
import { type SafeAreaInsets, Shell } from '../shell/shell.ts';
import { queryTransferables } from '../view/query/node-handles.ts';
import type { ViewControl } from '../view-frame/view-boot.ts';
import { Watchdog } from '../watchdog/watchdog.ts';
import { withPackageImages } from './canvas-images.ts';
import {
  answerComponent,
  type ComponentAnswerContext,
  componentCodeFrom,
  transferablesOf,
} from './component-answers.ts';
import { bundledFrames, type FrameBundles } from './frame-bundles.ts';
import { MountEmitter, type MountEvents, type MountListener } from './mount-events.ts';
import { loadPackage, type PackageSource } from './package-source.ts';
import { PageDataMirror } from './page-data-mirror.ts';
import { PageFrames } from './page-frames.ts';

export interface MountOptions {
  /** URL of a built package folder, or the package itself. */
  package: string | PackageSource;
  /** Page to open (defaults to the entry page) and its query. */
  path?: string;
  query?: Record<string, string>;
  /** Launch scene (1001: from the app's list; anchors pass their own). */
  scene?: number;
  /** The super app's capabilities; what it leaves out the container answers or refuses. */
  host?: Partial<HostCapabilities>;
  /** Names the app's storage and consents; defaults to the package URL. */
  appId?: string;
  /** The signed-in user; storage and consents are kept per app and user. */
  userId?: string;
  appName?: string;
  /** The app's icon (a URL the super app trusts), shown on the host's consent sheet. */
  appIcon?: string;
  /** What the platform granted the app: request and web-view domains. */
  permissions?: AppPermissions;
  /** Replaces the built-in consent sheet. */
  consent?: (request: ConsentRequest) => Promise<boolean>;
  /** The frames' code; defaults to the bundles built into this copy of the container. */
  frames?: FrameBundles;
  /** Where the code of components loaded on first use (map, editor, live-player) is served: `<components>map.js`. */
  components?: string;
  /** The operator's map tiles; without them `<map>` is a plain surface that still shows markers. */
  mapTiles?: MapTiles;
  /** Heartbeat settings: silence longer than `timeout` ms ends the program. */
  watchdog?: { interval?: number; timeout?: number };
  /**
   * Where app storage lives; defaults to the app's own IndexedDB database per app and user
   * (never the page's localStorage, which a program could fill for the host).
   */
  storage?: Storage;
  /**
   * Draws the capsule (··· / ◎) at the top right of every page; leave it out when the super
   * app draws its own. ··· opens a menu with Restart; both taps are reported as `capsule`.
   */
  capsule?: boolean;
  /**
   * The link Copy link in the capsule's menu puts on the clipboard for a page (`path`, `query`
   * as `a=1&b=2`); defaults to this page's address with `#/<path>?<query>`.
   */
  pageLink?: (path: string, query: string) => string;
  /** Safe-area insets in CSS pixels, when the host page's `env(safe-area-inset-*)` does not know them. */
  safeArea?: Partial<SafeAreaInsets>;
  /**
   * Leaves the program's logic reachable in its worker (`__plaza_automated_logic`) for a
   * test driver attached through the browser's debugging protocol (`plaza dev --auto-port`).
   */
  automation?: boolean;
}

export interface MountHandle {
  /** Resolves once the first page is on screen (rejects if the package cannot load). */
  readonly ready: Promise<void>;
  /** Opens a page (`/pages/detail/detail?id=1`) the way the host's navigation does. */
  navigate(url: string, action?: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'): void;
  back(delta?: number): void;
  /** Starts the program again from its launch page. */
  restart(): Promise<void>;
  close(): void;
  on<K extends keyof MountEvents>(type: K, listener: MountListener<K>): () => void;
  /** The page on screen. */
  currentPage(): { pageId: string; path: string } | undefined;
  /**
   * Takes a newer build of the same program while it runs (`plaza dev`): changed templates,
   * styles and wxs modules go into every page frame, which renders again with its data; changed
   * page scripts are registered again and the page on screen loads again with its query. The
   * page stack stays. Resolves false when no program runs to take it (it failed to start, or
   * ended on an error): mount it again instead.
   */
  hotUpdate(update: HotUpdate): Promise<boolean>;
}

/** A newer build's changed pieces, as `plaza dev` computes them. */
export interface HotUpdate {
  /** `view.js` statements redefining the modules `ids`. */
  view: string;
  ids: string[];
  /** Module definitions replacing the scripts of `pages`. */
  logic: string;
  pages: string[];
  /** Where the newer build is served: a restart starts from it. */
  package?: string;
}

interface Run {
  logicFrame: HTMLIFrameElement;
  /** The host's end of the protocol port to the logic worker. */
  logicPort: MessagePort;
  /** One per page frame, by page id. */
  watchdogs: Map<string, Watchdog>;
  pageFrames: PageFrames;
  watchdog: Watchdog;
  bridge: Bridge;
  controls: Map<string, MessagePort>;
  launched: boolean;
  dead: boolean;
  /** Commands sent to page frames, by id, waiting for their `command.done`. */
  commands: Map<number, (error: string | undefined, value: unknown) => void>;
  /** Stops forwarding the browser's events (network, theme) to the program. */
  unwatch: () => void;
}

/**
 * Mounts a mini program into `element`: logic in a worker inside a sandboxed frame, each page
 * in its own sandboxed view frame, the host chrome around them, and every capability answered
 * through `host` behind the app's permissions.
 *
 * @example
 * const app = mount(document.getElementById('phone')!, { package: '/packages/takeout/', host: superAppHost });
 * app.on('page', (e) => console.log(e.path));
 */
export function mount(element: HTMLElement, options: MountOptions): MountHandle {
  const emitter = new MountEmitter();
  const doc = element.ownerDocument;
  let shell: Shell | undefined;
  let run: Run | undefined;
  let closed = false;
  const componentCode = componentCodeFrom(options.components ?? '/plaza-components/');
  let nextCommand = 1;
  let firstPage: () => void = () => {};
  let pkg: PackageSource | undefined;
  /** The newer build swapped in last, which a restart loads. */
  let swappedTo: string | undefined;
  /** Where the next start opens, when the program asked (`wx.restartMiniProgram`). */
  let restartAt: PageRoute | undefined;

  const frames = options.frames ?? bundledFrames();

  const ready = (async () => {
    if (!frames) throw new ContainerError('PLZ_CONTAINER_FRAMES');
    const fetched = await loadPackage(options.package, doc.baseURI);
    pkg = { ...fetched, manifest: checkedChrome(fetched.manifest, refusedChromeValue) };
    const loaded = pkg;
    shell = new Shell(element, {
      manifest: loaded.manifest,
      onBack: () => run?.bridge.fromHost({ v: 1, type: 'host.navigate', action: 'navigateBack', delta: 1 }),
      onTab: (path) =>
        run?.bridge.fromHost({ v: 1, type: 'host.navigate', action: 'switchTab', url: `/${path}` }),
      onRestart: () => void restartAtEntry(),
      onHome: () => {
        const pages = loaded.manifest.appConfig.pages;
        const home = Array.isArray(pages) ? String(pages[0] ?? '') : '';
        if (home) run?.bridge.fromHost({ v: 1, type: 'host.navigate', action: 'reLaunch', url: `/${home}` });
      },
      fileUrl: (path) => packageFileUrl(path, loaded.baseUrl),
      safeArea: options.safeArea,
      ...(options.capsule ? { onCapsule: (button: CapsuleButton) => capsuleTapped(button) } : {}),
    });
    const shown = new Promise<void>((resolve) => {
      firstPage = resolve;
    });
    start(loaded, shell);
    await shown;
  })();

  /**
   * A tap on the program within the last seconds, by a real user: the view reported a tap and
   * the page has transient activation (which only user input sets, and which a tap inside a
   * frame gives its ancestors too). The host page's own clicks (opening the app) do not count.
   */
  let lastTap = Number.NEGATIVE_INFINITY;
  function recentTap(): boolean {
    const active = doc.defaultView?.navigator.userActivation?.isActive === true;
    return active && performance.now() - lastTap < GESTURE_MS;
  }

  function refusedChromeValue({ field, value }: RefusedValue): void {
    const message = new ContainerError('PLZ_CONTAINER_CHROME_VALUE', field, JSON.stringify(value)).message;
    emitter.emit('log', { level: 'warn', message, from: 'container' });
  }

  /** Pages whose menu offers Share (`wx.showShareMenu`), by page id. */
  const sharedPages = new Map<string, Record<string, unknown>>();
  let shareRequests = 0;
  /** The share settings of the page each pending menu share asked (`wx.updateShareMenu`). */
  const menuShares = new Map<number, Record<string, unknown>>();

  /** Whether the user chose Copy link in the menu and the program has not copied it yet. */
  let copyAsked = false;

  function capsuleTapped(button: CapsuleButton): void {
    emitter.emit('capsule', { button });
    if (button !== 'more' || !shell) return;
    const top = shell.top()?.pageId;
    const items = [...(top && sharedPages.has(top) ? ['Share'] : []), 'Copy link', 'Restart'];
    new HostUi(shell.overlay).showActionSheet({ itemList: items }).then(
      ({ tapIndex }) => {
        // The page's onShareAppMessage answers; its content comes out as the `share` event.
        if (items[tapIndex] === 'Share' && top) {
          // Counted down from -1: the view's own shares (a button's) count up from 1.
          menuShares.set(--shareRequests, sharedPages.get(top) ?? {});
          run?.bridge.fromHost({ v: 1, type: 'host.share', requestId: shareRequests });
        }
        if (items[tapIndex] === 'Copy link') {
          // The page's wx.onCopyUrl listeners answer the query; the program asks for the copy.
          copyAsked = true;
          run?.bridge.fromHost({ v: 1, type: 'host.event', event: 'CopyUrl', payload: {} });
        }
        if (items[tapIndex] === 'Restart') void restartAtEntry();
      },
      () => {}, // dismissed
    );
  }

  function hostFor(
    loaded: PackageSource,
    activeShell: Shell,
  ): { host: HostCapabilities; context: HostContext } {
    const appConfig = loaded.manifest.appConfig;
    const windowTitle = (appConfig.window as Record<string, unknown> | undefined)?.navigationBarTitleText;
    const chrome: Chrome = {
      setTitle: (title) => activeShell.top()?.navigationBar.setTitle(title),
      setColors: (front, background) => activeShell.top()?.navigationBar.setColors(front, background),
      setPullDown: (active) => {
        const top = activeShell.top();
        if (top)
          run?.controls.get(top.pageId)?.postMessage({ control: 'pull-down', active } satisfies ViewControl);
      },
      systemInfo: () => activeShell.systemInfo(),
      setLoading: (loading) => activeShell.top()?.navigationBar.setLoading(loading),
      hideHomeButton: () => activeShell.top()?.navigationBar.hideHome(),
      changeTabBar: (change) => activeShell.tabBar.change(change),
      viewCommand: async (asked) => {
        const top = activeShell.top();
        const port = top && run?.controls.get(top.pageId);
        if (!top || !port || !run) throw new Error('no page is shown');
        const command = await withPackageImages(asked, top.path, (path) =>
          packageFileUrl(path, loaded.baseUrl),
        );
        const id = nextCommand++;
        const pending = run.commands;
        return new Promise<unknown>((resolve, reject) => {
          pending.set(id, (error, value) =>
            error === undefined ? resolve(value) : reject(new Error(error)),
          );
          port.postMessage({ control: 'command', id, command } satisfies ViewControl);
        });
      },
    };
    const appId = options.appId ?? (typeof options.package === 'string' ? options.package : 'app');
    const userId = options.userId ?? 'anonymous';
    const context: HostContext = {
      appId,
      userId,
      appName: options.appName ?? (typeof windowTitle === 'string' ? windowTitle : 'this mini program'),
      ...(options.appIcon ? { appIcon: options.appIcon } : {}),
      userGesture: () => recentTap(),
      appConfig,
      permissions: options.permissions ?? {},
      ui: new HostUi(activeShell.overlay),
      chrome,
      storage: safeLocalStorage(doc),
      appStore: appStoreFor('storage', options.storage, doc, appId, userId),
      fileStore: appStoreFor('files', options.storage, doc, appId, userId),
      consent: options.consent,
      shareMenu: (shown, settings) => {
        const top = activeShell.top()?.pageId;
        if (!top) return;
        if (shown === false) sharedPages.delete(top);
        else if (shown || sharedPages.has(top))
          sharedPages.set(top, { ...sharedPages.get(top), ...settings });
      },
      copiedLink: (path, query) => {
        if (!copyAsked) return undefined;
        copyAsked = false;
        return options.pageLink ? options.pageLink(path, query) : defaultPageLink(doc, path, query);
      },
      restart: (path) => {
        const route = parsePageUrl(path, '');
        if (!declaredPages(loaded.manifest).has(route.path)) return false;
        restartAt = route;
        // After this answer has gone back to the program that asked.
        setTimeout(() => void restart(), 0);
        return true;
      },
      emit: (event, payload) =>
        run?.bridge.fromHost({ v: 1, type: 'host.event', event, payload: { ...payload } }),
    };
    const merged = { ...browserHost(context) } as Record<string, unknown>;
    const given = (options.host ?? {}) as Record<string, unknown>;
    for (const method of HOST_METHODS) {
      const fn = given[method];
      if (typeof fn === 'function') merged[method] = fn.bind(options.host);
    }
    return { host: gatedHost(merged as unknown as HostCapabilities, context), context };
  }

  function start(loaded: PackageSource, activeShell: Shell): void {
    if (!frames) return;
    const { host, context: hostContext } = hostFor(loaded, activeShell);
    const components: ComponentAnswerContext = {
      host,
      context: hostContext,
      componentCode,
      mapTiles: options.mapTiles,
    };
    const protocol = new MessageChannel();
    const heartbeat = new MessageChannel();
    const status = new MessageChannel();
    const nonce = createNonce();
    const logicFrame = createSandboxedFrame(
      doc,
      frameDocument(logicFramePolicy(nonce), nonce),
      'mini program logic',
    );
    logicFrame.hidden = true;
    logicFrame.className = 'plaza-logic';
    const webViewOrigins = allowedOrigins(options.permissions?.webViewDomains);
    const controls = new Map<string, MessagePort>();
    const left = () => fatal('PLZ_CONTAINER_LEFT', new ContainerError('PLZ_CONTAINER_LEFT').message);
    const pageFrames = new PageFrames(
      activeShell,
      frames.viewFrame,
      { view: loaded.view, webViewOrigins, safeArea: activeShell.safeArea() },
      left,
      { workers: options.mapTiles !== undefined },
    );
    const mirror = new PageDataMirror();

    const fatal = (
      code: 'PLZ_CONTAINER_STUCK' | 'PLZ_CONTAINER_CRASHED' | 'PLZ_CONTAINER_LEFT',
      message: string,
      detail?: string,
    ) => {
      if (thisRun.dead) return;
      stop(thisRun);
      emitter.emit('error', {
        message,
        source: 'container',
        fatal: true,
        code,
        ...(detail ? { stack: detail } : {}),
      });
      activeShell.showError(message, detail);
      firstPage();
    };

    const pageCreated = (message: Extract<LogicToViewMessage, { type: 'page.create' }>): ViewEndpoint => {
      const frame = pageFrames.take();
      const page = activeShell.claimSlot(frame.slot, message.instanceId, message.path);
      page.frame.title = `page ${message.path}`;
      frame.control.postMessage({
        control: 'page',
        pageId: message.instanceId,
        window: page.window,
      } satisfies ViewControl);
      const endpoint: ViewEndpoint = {
        pageId: message.instanceId,
        post: (m) => frame.protocol.postMessage(m),
      };
      frame.protocol.onmessage = (event) => {
        if (thisRun.dead) return;
        if (event.data?.type === 'event' && event.data.event?.type === 'tap') lastTap = performance.now();
        thisRun.bridge.fromView(endpoint, event.data);
      };
      frame.control.onmessage = (event: MessageEvent<ViewControl>) => {
        const message = event.data;
        if (message?.control === 'failed')
          emitter.emit('error', { message: message.message, source: 'view', fatal: false });
        else if (message?.control === 'ask')
          answerComponent(message.request, components).then(
            (value) =>
              frame.control.postMessage(
                { control: 'answer', id: message.id, ok: true, value } satisfies ViewControl,
                transferablesOf(value),
              ),
            (error: Error) =>
              frame.control.postMessage({
                control: 'answer',
                id: message.id,
                ok: false,
                error: error.message,
              } satisfies ViewControl),
          );
        else if (message?.control === 'pip')
          thisRun.bridge.fromHost({
            v: 1,
            type: 'host.event',
            event: 'PictureInPicture',
            payload: { active: message.active },
          });
        else if (message?.control === 'intersection')
          thisRun.bridge.fromHost({
            v: 1,
            type: 'host.event',
            event: 'Intersection',
            payload: { ...message.entry },
          });
        else if (message?.control === 'command.done') {
          thisRun.commands.get(message.id)?.(message.error, message.value);
          thisRun.commands.delete(message.id);
        }
      };
      controls.set(message.instanceId, frame.control);
      const pageWatchdog = new Watchdog(frame.heartbeat, {
        ...options.watchdog,
        onStuck: (silent) =>
          fatal('PLZ_CONTAINER_STUCK', new ContainerError('PLZ_CONTAINER_STUCK', silent).message),
      });
      pageWatchdog.start();
      thisRun.watchdogs.set(message.instanceId, pageWatchdog);
      pageFrames.warm();
      return endpoint;
    };

    const toHost = (message: LogicToHostMessage) => {
      switch (message.type) {
        case 'host.call':
          void serveHost(host, message, (result) => {
            emitter.emit('hostCall', {
              method: message.method,
              args: message.args,
              ok: result.ok,
              ...(result.ok ? { value: result.value } : { error: result.error }),
            });
            if (run === thisRun && !thisRun.dead) thisRun.bridge.fromHost(result);
          });
          return;
        case 'error': {
          const { v: _v, type: _t, ...rest } = message;
          const early = !thisRun.launched;
          emitter.emit('error', { ...rest, fatal: early });
          if (early)
            fatal(
              'PLZ_CONTAINER_CRASHED',
              new ContainerError('PLZ_CONTAINER_CRASHED', message.message).message,
              // The author's file and line first: the stack names only the bundle.
              [authorPosition(message), message.stack].filter(Boolean).join('\n') || undefined,
            );
          return;
        }
        case 'log':
          emitter.emit('log', { level: message.level, message: message.message, from: 'logic' });
          return;
        case 'page.event.result': {
          const settings = menuShares.get(message.requestId);
          menuShares.delete(message.requestId);
          emitter.emit('share', { content: message.value, ...(settings ? { settings } : {}) });
          return;
        }
      }
    };

    const bridge = new Bridge((message) => protocol.port1.postMessage(message, queryTransferables(message)), {
      pageCreated,
      pageDestroyed: (pageId) => {
        controls.delete(pageId);
        thisRun.watchdogs.get(pageId)?.stop();
        thisRun.watchdogs.delete(pageId);
        activeShell.removePage(pageId);
      },
      navigated: (message) => {
        thisRun.launched = true;
        const stack = message.stack.map((entry) => entry.instanceId);
        activeShell.showStack(stack, message.action);
        const top = message.stack.at(-1);
        if (top)
          emitter.emit('page', {
            action: message.action,
            pageId: top.instanceId,
            path: top.path,
            stack: message.stack.map((e) => e.path),
          });
        firstPage();
      },
      toHost,
      dropped: (from, reason) =>
        emitter.emit('log', { level: 'warn', message: `dropped message from the ${from}: ${reason}`, from }),
      observe: (message) => {
        if (!emitter.has('data')) return;
        const changed = mirror.apply(message);
        if (changed) emitter.emit('data', changed);
      },
    });

    const watchdog = new Watchdog(heartbeat.port1, {
      ...options.watchdog,
      onStuck: (silent) =>
        fatal('PLZ_CONTAINER_STUCK', new ContainerError('PLZ_CONTAINER_STUCK', silent).message),
    });
    const thisRun: Run = {
      logicFrame,
      logicPort: protocol.port1,
      watchdog,
      watchdogs: new Map(),
      bridge,
      controls,
      pageFrames,
      launched: false,
      dead: false,
      unwatch: () => undefined,
      commands: new Map(),
    };
    run = thisRun;

    protocol.port1.onmessage = (event) => {
      if (!thisRun.dead) bridge.fromLogic(event.data);
    };
    status.port1.onmessage = (event: MessageEvent<FrameStatus>) => {
      if (event.data?.status === 'uncaught') {
        const early = !thisRun.launched;
        emitter.emit('error', { message: event.data.message, source: 'worker', fatal: early });
        if (early)
          fatal(
            'PLZ_CONTAINER_CRASHED',
            new ContainerError('PLZ_CONTAINER_CRASHED', event.data.message).message,
          );
      }
    };

    const payload: LogicFramePayload = {
      workerCode: frames.logicWorker,
      start: {
        manifest: loaded.manifest,
        logic: loaded.logic,
        ...(options.automation ? { automation: true } : {}),
      },
    };
    activeShell.root.append(logicFrame);
    bootFrame(logicFrame, frames.logicFrame, payload, [protocol.port2, heartbeat.port2, status.port2], left);
    bridge.fromHost({
      v: 1,
      type: 'app.launch',
      options: {
        ...(restartAt
          ? { path: restartAt.path }
          : options.path
            ? { path: options.path.replace(/^\/+/, '') }
            : {}),
        query: restartAt ? restartAt.query : (options.query ?? {}),
        scene: options.scene ?? 1001,
      },
      components: containerComponents({ webViewOrigins: [] }).tags(),
    });
    thisRun.unwatch = watchHostEvents(
      doc.defaultView,
      (event, payload) => {
        if (!thisRun.dead) thisRun.bridge.fromHost({ v: 1, type: 'host.event', event, payload });
      },
      (shown) => {
        if (!thisRun.dead) thisRun.bridge.fromHost({ v: 1, type: shown ? 'app.show' : 'app.hide' });
      },
      activeShell.root,
    );
    watchdog.start();
    // The first page's frame boots while the worker starts.
    pageFrames.warm(0);
  }

  /** Ends a run: the logic frame goes (and its worker with it), then every page frame. */
  function stop(target: Run): void {
    target.dead = true;
    target.unwatch();
    target.watchdog.stop();
    for (const watchdog of target.watchdogs.values()) watchdog.stop();
    target.logicFrame.remove();
    target.pageFrames.dispose();
    target.bridge.reset();
    for (const port of target.controls.values()) port.close();
    for (const frame of Array.from(element.querySelectorAll('iframe.plaza-view'))) frame.remove();
  }

  /** A restart the user or the embedding page asks for: at the page the mount named. */
  function restartAtEntry(): Promise<void> {
    restartAt = undefined;
    return restart();
  }

  async function restart(): Promise<void> {
    await ready.catch(() => undefined);
    if (closed || !shell || !pkg) return;
    if (swappedTo) {
      const fetched = await loadPackage(swappedTo, doc.baseURI);
      pkg = { ...fetched, manifest: checkedChrome(fetched.manifest, refusedChromeValue) };
      swappedTo = undefined;
    }
    if (run) stop(run);
    shell.clear();
    const shown = new Promise<void>((resolve) => {
      firstPage = resolve;
    });
    start(pkg, shell);
    await shown;
  }

  return {
    ready,
    navigate(url, action = 'navigateTo') {
      run?.bridge.fromHost({ v: 1, type: 'host.navigate', action, url });
    },
    back(delta = 1) {
      run?.bridge.fromHost({ v: 1, type: 'host.navigate', action: 'navigateBack', delta });
    },
    restart: restartAtEntry,
    close() {
      closed = true;
      if (run) stop(run);
      shell?.destroy();
    },
    on: (type, listener) => emitter.on(type, listener),
    currentPage() {
      const top = shell?.top();
      return top ? { pageId: top.pageId, path: top.path } : undefined;
    },
    async hotUpdate(update) {
      const started = await ready.then(
        () => true,
        () => false,
      );
      if (!started || closed || !run || run.dead || !pkg) return false;
      if (update.package) swappedTo = update.package;
      if (update.ids.length > 0) {
        pkg = { ...pkg, view: `${pkg.view}\n${update.view}` };
        run.pageFrames.swapView(update.view);
        const message: ViewControl = { control: 'hot', view: update.view, ids: update.ids };
        for (const port of run.controls.values()) port.postMessage(message);
      }
      if (update.pages.length > 0) {
        const message: LogicHotSwap = { type: HOT_SWAP, logic: update.logic, pages: update.pages };
        run.logicPort.postMessage(message);
      }
      return true;
    },
  };
}

/** The app's own store of `kind` (its storage, its files): IndexedDB, or the `Storage` the page handed in. */
function appStoreFor(
  kind: 'storage' | 'files',
  given: Storage | undefined,
  doc: Document,
  appId: string,
  userId: string,
): AppStore | undefined {
  if (given)
    return webStorageStore(
      given,
      kind === 'storage' ? `plaza:${appId}:${userId}:` : `plaza-file:${appId}:${userId}:`,
    );
  const factory = doc.defaultView?.indexedDB;
  const name = `plaza-${kind}:${encodeURIComponent(appId)}:${encodeURIComponent(userId)}`;
  return factory ? indexedDbStore(factory, name) : undefined;
}

function safeLocalStorage(doc: Document): Storage | undefined {
  try {
    return doc.defaultView?.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** How long a tap lets the program use what needs a user gesture (Chromium's transient activation lasts 5 s). */
const GESTURE_MS = 5000;

/** The URL of a file of the package, never one outside its folder (a URL, `../`). */
function packageFileUrl(path: string, baseUrl: string | undefined): string | undefined {
  const file = packageFilePath(path);
  if (!file || !baseUrl) return undefined;
  const url = new URL(file.split('/').map(encodeURIComponent).join('/'), baseUrl).href;
  return url.startsWith(baseUrl) ? url : undefined;
}

/** `pages/index/index.js:12:5`, when the runtime located the error in the author's files. */
function authorPosition(error: { file?: string; line?: number; column?: number }): string | undefined {
  if (!error.file) return undefined;
  return [error.file, error.line, error.line === undefined ? undefined : error.column]
    .filter((part) => part !== undefined)
    .join(':');
}

/** This page's address, opening the program's page: `https://host/app#/pages/a/a?x=1`. */
function defaultPageLink(doc: Document, path: string, query: string): string {
  const here = new URL(doc.location.href);
  here.hash = `/${path}${query ? `?${query}` : ''}`;
  return here.href;
}
