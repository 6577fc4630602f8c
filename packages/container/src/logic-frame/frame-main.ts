/**
 * Runs in the sandboxed logic frame: starts the worker from a `blob:` URL (it inherits this
 * frame's CSP and opaque origin) and hands it the protocol and heartbeat ports. The frame
 * itself only watches the worker for crashes.
 */
import { takeBoot } from '../sandbox/frame-document.ts';
import type { FrameStatus, LogicFramePayload } from './logic-boot.ts';

const { payload, ports } = takeBoot<LogicFramePayload>();
const [protocol, heartbeat, status] = ports;
if (protocol && heartbeat && status) {
  const report = (message: FrameStatus) => status.postMessage(message);
  try {
    const url = URL.createObjectURL(new Blob([payload.workerCode], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'plaza-logic' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      report({ status: 'uncaught', message: event.message || 'the logic worker failed' });
    });
    worker.postMessage(payload.start, [protocol, heartbeat]);
    report({ status: 'started' });
  } catch (error) {
    report({ status: 'uncaught', message: error instanceof Error ? error.message : String(error) });
  }
}
