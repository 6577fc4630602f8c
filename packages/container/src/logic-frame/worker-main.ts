/**
 * The logic worker: the runtime's `createLogic` over the protocol port. Bundled into a
 * classic worker script and started from a `blob:` URL inside the sandboxed logic frame.
 */
import {
  createLogic,
  LOGIC_SOURCE_URL,
  type LogicOutboundMessage,
  type ModuleFactoryDefine,
} from '@plaza/runtime';
import { answerHeartbeat } from '../watchdog/answer-heartbeat.ts';
import { HOT_SWAP, type LogicHotSwap, type LogicWorkerStart } from './logic-boot.ts';
import { lockDownNetwork } from './network-lockdown.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  importScripts(...urls: string[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  __plaza_define?: unknown;
  __plaza_automated_logic?: unknown;
}

const scope = globalThis as unknown as WorkerScope;
// Kept before the lockdown takes `importScripts` from the program's globals.
const loadScript = scope.importScripts.bind(scope);

scope.onmessage = (event: MessageEvent) => {
  scope.onmessage = null;
  const [protocol, heartbeat] = event.ports;
  if (!protocol || !heartbeat) return;
  start(event.data as LogicWorkerStart, protocol, heartbeat);
};

function start(init: LogicWorkerStart, protocol: MessagePort, heartbeat: MessagePort): void {
  answerHeartbeat(heartbeat);
  const send = (message: LogicOutboundMessage) => {
    try {
      protocol.postMessage(message);
    } catch (error) {
      protocol.postMessage({
        v: 1,
        type: 'error',
        source: 'protocol',
        message: `unsendable message: ${String(error)}`,
      });
    }
  };
  // Named as the runtime expects in stack traces: with `source` below, an error maps back
  // through the bundle's source map to the author's file and line (a blob URL would not).
  const named = `${init.logic}\n//# sourceURL=${LOGIC_SOURCE_URL}`;
  lockDownNetwork(globalThis);
  scope.addEventListener('unhandledrejection', (event) => {
    const reason = (event as PromiseRejectionEvent).reason;
    // A program that listens (`wx.onUnhandledRejection`) handles its own.
    if (logic.unhandledRejection(reason)) return;
    send({
      v: 1,
      type: 'error',
      source: 'handler',
      message: reason instanceof Error ? reason.message : String(reason),
      stack: reason instanceof Error ? reason.stack : undefined,
    });
  });
  const logic = createLogic({
    manifest: init.manifest,
    send,
    // Loaded as a script from a blob the worker made: the CSP allows no eval, as the platforms.
    source: init.logic,
    logic: (define) => defineModules(named, define),
  });
  protocol.onmessage = (event: MessageEvent) => {
    const message = event.data as LogicHotSwap | undefined;
    if (message?.type === HOT_SWAP) {
      swapPages(message);
      return;
    }
    logic.receive(event.data);
  };
  // A driver attached through the debugging protocol reaches the program through it.
  if (init.automation === true) scope.__plaza_automated_logic = logic;
  /** `plaza dev`: new modules of pages' scripts, loaded like the bundle (no eval here either). */
  function swapPages(message: LogicHotSwap): void {
    logic.replacePages((define) => defineModules(message.logic, define), message.pages);
  }
}

/** Runs module definitions (`__plaza_define(path, factory)` calls) from a blob the worker made. */
function defineModules(code: string, define: ModuleFactoryDefine): void {
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  scope.__plaza_define = define;
  try {
    loadScript(url);
  } finally {
    delete scope.__plaza_define;
    URL.revokeObjectURL(url);
  }
}
