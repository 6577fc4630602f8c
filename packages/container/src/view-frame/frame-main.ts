/**
 * Runs in a page's sandboxed view frame: loads the package's compiled templates (wxs/sjs
 * included: program code, hence this frame) from a `blob:` script, renders the page with the
 * view layer and the built-in components, and speaks the protocol through its port.
 */
import { ViewRegistry } from '@plaza/compiler/render-runtime';
import { type AskHost, COMPONENT_STYLE, containerComponents, SHARE_REQUEST } from '../components/index.ts';
import { LazyModules } from '../components/lazy-component.ts';
import { takeBoot } from '../sandbox/frame-document.ts';
import { createView } from '../view/index.ts';
import { queryTransferables } from '../view/query/node-handles.ts';
import { answerHeartbeat } from '../watchdog/answer-heartbeat.ts';
import { lockDownFrame } from './frame-lockdown.ts';
import { FRAME_STYLE } from './frame-style.ts';
import { watchPageScroll } from './page-scroll.ts';
import { PullDownRefresh } from './pull-down-refresh.ts';
import type { PageWindow, ViewControl, ViewFramePayload } from './view-boot.ts';
import { runViewCommand } from './view-commands.ts';

type DefineScope = { __plaza_view_define?: unknown; __plaza_wxs_define?: unknown };

const { payload, ports } = takeBoot<ViewFramePayload>();
const [protocol, control, heartbeat] = ports;

function start(protocolPort: MessagePort, controlPort: MessagePort): void {
  const tell = (message: ViewControl) => controlPort.postMessage(message);
  const style = document.createElement('style');
  style.textContent = FRAME_STYLE + COMPONENT_STYLE;
  document.head.append(style);
  for (const [side, value] of Object.entries(payload.safeArea)) {
    document.documentElement.style.setProperty(`--plaza-safe-area-inset-${side}`, `${value}px`);
  }
  const registry = new ViewRegistry();
  void defineViewModules(registry, payload.view).then(
    () => {
      // Booted and waiting: the host hands this frame a page when the logic creates one.
      controlPort.onmessage = (event: MessageEvent<ViewControl>) => {
        if (event.data.control === 'page')
          showPage(event.data.pageId, event.data.window, registry, protocolPort, controlPort);
        else if (event.data.control === 'hot') swapIn(registry, event.data.view, undefined, tell);
      };
    },
    () => tell({ control: 'failed', message: 'view.js could not be loaded' }),
  );
}

/** Runs `view.js` (or the part of a newer one `plaza dev` sends) into the registry. */
function defineViewModules(registry: ViewRegistry, code: string): Promise<void> {
  const scope = globalThis as unknown as DefineScope;
  return new Promise<void>((resolve, reject) => {
    scope.__plaza_view_define = registry.define.bind(registry);
    scope.__plaza_wxs_define = registry.defineWxs.bind(registry);
    const script = document.createElement('script');
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    script.src = url;
    const done = () => {
      delete scope.__plaza_view_define;
      delete scope.__plaza_wxs_define;
      URL.revokeObjectURL(url);
      script.remove();
    };
    script.onerror = () => {
      done();
      reject(new Error('view.js could not be loaded'));
    };
    script.onload = () => {
      done();
      resolve();
    };
    document.head.append(script);
  });
}

/** Swaps are applied one after another, in the order the host sent them. */
let swapping: Promise<void> = Promise.resolve();

function swapIn(
  registry: ViewRegistry,
  code: string,
  swapped: (() => void) | undefined,
  tell: (message: ViewControl) => void,
): void {
  swapping = swapping
    .then(() => defineViewModules(registry, code))
    .then(swapped, () => tell({ control: 'failed', message: 'the changed templates could not be loaded' }));
}

function showPage(
  pageId: string,
  settings: PageWindow,
  registry: ViewRegistry,
  protocolPort: MessagePort,
  controlPort: MessagePort,
): void {
  if (settings.backgroundColor) document.documentElement.style.background = settings.backgroundColor;
  if (settings.disableScroll) document.documentElement.style.overflow = 'hidden';
  const root = document.createElement('main');
  root.setAttribute('data-plaza', 'page-root');
  document.body.append(root);
  // A query's canvas nodes travel as OffscreenCanvases, which are transferred, not copied.
  const send = (message: unknown) => protocolPort.postMessage(message, queryTransferables(message));
  const asked = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let asks = 0;
  const ask: AskHost = (request) =>
    new Promise((resolve, reject) => {
      const id = ++asks;
      asked.set(id, { resolve, reject });
      controlPort.postMessage({ control: 'ask', id, request } satisfies ViewControl);
    });
  // Code that arrives on first use: big or rare components, and the rarer commands (the legacy
  // canvas, this.animate).
  const commandModules = new LazyModules(document, ask);
  // `wx.checkIsPictureInPictureActive`: the logic hears each video's way in and out.
  for (const [type, active] of [
    ['enterpictureinpicture', true],
    ['leavepictureinpicture', false],
  ] as const)
    document.addEventListener(
      type,
      () => controlPort.postMessage({ control: 'pip', active } satisfies ViewControl),
      true,
    );
  const view = createView({
    document,
    root,
    viewModules: registry,
    send,
    builtins: containerComponents(
      { webViewOrigins: payload.webViewOrigins, ask, modules: commandModules },
      document,
    ),
  });
  const pageEvent = (
    name: 'pageScroll' | 'reachBottom' | 'pullDownRefresh' | 'shareAppMessage',
    eventPayload?: unknown,
    requestId?: number,
  ) =>
    send({
      v: 1,
      type: 'page.event',
      instanceId: pageId,
      name,
      ...(eventPayload === undefined ? {} : { payload: eventPayload }),
      ...(requestId === undefined ? {} : { requestId }),
    });
  let shares = 0;
  document.addEventListener(SHARE_REQUEST, (event) => {
    const id = String((event as CustomEvent<{ id?: string }>).detail?.id ?? '');
    pageEvent('shareAppMessage', { from: 'button', target: { id, dataset: {} } }, ++shares);
  });
  watchPageScroll(window, settings, pageEvent);
  // Keys pressed on the page (WeChat's PC `wx.onKeyDown`/`wx.onKeyUp`): what was pressed, not where.
  for (const [type, name] of [
    ['keydown', 'keyDown'],
    ['keyup', 'keyUp'],
  ] as const)
    document.addEventListener(type, (event) =>
      send({
        v: 1,
        type: 'page.event',
        instanceId: pageId,
        name,
        payload: { key: event.key, code: event.code, keyCode: event.keyCode, timeStamp: event.timeStamp },
      }),
    );
  const refresh = new PullDownRefresh(document, root, settings, () => pageEvent('pullDownRefresh'));
  addEventListener('resize', () => view.resize(innerWidth));
  view.resize(innerWidth);
  const tell = (message: ViewControl) => controlPort.postMessage(message);
  controlPort.onmessage = (event: MessageEvent<ViewControl>) => {
    const message = event.data;
    if (message.control === 'pull-down') refresh.setActive(message.active);
    else if (message.control === 'hot') {
      const { ids } = message;
      swapIn(registry, message.view, () => view.hotSwap(ids), tell);
    } else if (message.control === 'answer') {
      const waiting = asked.get(message.id);
      asked.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    } else if (message.control === 'command')
      runViewCommand(
        document,
        message.command,
        (entry) => controlPort.postMessage({ control: 'intersection', entry } satisfies ViewControl),
        commandModules,
      ).then(
        (value) => {
          try {
            controlPort.postMessage({
              control: 'command.done',
              id: message.id,
              ...(value === undefined ? {} : { value }),
            } satisfies ViewControl);
          } catch (error) {
            // An answer the browser cannot copy still ends the command, as a failure.
            controlPort.postMessage({
              control: 'command.done',
              id: message.id,
              error: error instanceof Error ? error.message : String(error),
            } satisfies ViewControl);
          }
        },
        (error: unknown) =>
          controlPort.postMessage({
            control: 'command.done',
            id: message.id,
            error: error instanceof Error ? error.message : String(error),
          } satisfies ViewControl),
      );
  };
  // A frame not shown yet has no layout: a selector query asked then (in `onReady`, before the
  // shell slid the page in) waits for the first layout, or every size it answered would be 0.
  let unlaid: unknown[] | undefined;
  protocolPort.onmessage = (event: MessageEvent) => {
    const message = event.data as { type?: unknown } | null;
    if (message?.type === 'query.request' && innerWidth === 0) {
      if (!unlaid) {
        unlaid = [];
        // A frame shown gets no `resize` event: its root's first size is what says it is laid out.
        const watcher = new ResizeObserver(() => {
          if (innerWidth === 0) return;
          watcher.disconnect();
          const waiting = unlaid ?? [];
          unlaid = undefined;
          for (const queued of waiting) view.receive(queued);
        });
        watcher.observe(document.documentElement);
      }
      unlaid.push(message);
      return;
    }
    view.receive(event.data);
  };
  controlPort.postMessage({ control: 'ready' } satisfies ViewControl);
}

if (protocol && control && heartbeat) {
  lockDownFrame(window);
  answerHeartbeat(heartbeat);
  start(protocol, control);
}
