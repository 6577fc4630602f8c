/**
 * The logic worker: the runtime's `createLogic` over the protocol port. Bundled into a
 * classic worker script and started from a `blob:` URL inside the sandboxed logic frame.
 */
import { createLogic, LOGIC_SOURCE_URL, type LogicOutboundMessage } from '@plaza/runtime';
import { answerHeartbeat } from '../watchdog/answer-heartbeat.ts';
import type { LogicWorkerStart } from './logic-boot.ts';
import { lockDownNetwork } from './network-lockdown.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  importScripts(...urls: string[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  __plaza_define?: unknown;
  __plaza_automated_logic?: unknown;
}

const scope = globalThis as unknown as WorkerScope;

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
  const load = scope.importScripts.bind(scope);
  // Named as the runtime expects in stack traces: with `source` below, an error maps back
  // through the bundle's source map to the author's file and line (a blob URL would not).
  const named = `${init.logic}\n//# sourceURL=${LOGIC_SOURCE_URL}`;
  const logicUrl = URL.createObjectURL(new Blob([named], { type: 'text/javascript' }));
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
    logic: (define) => {
      scope.__plaza_define = define;
      try {
        load(logicUrl);
      } finally {
        delete scope.__plaza_define;
        URL.revokeObjectURL(logicUrl);
      }
    },
  });
  protocol.onmessage = (event: MessageEvent) => {
    logic.receive(event.data);
  };
  // A driver attached through the debugging protocol reaches the program through it.
  if (init.automation === true) scope.__plaza_automated_logic = logic;
}
