import type { Heartbeat } from '../logic-frame/logic-boot.ts';

/**
 * Answers the host's pings from this thread: when the program here is stuck in a loop the
 * pongs stop, and the host's watchdog notices.
 */
export function answerHeartbeat(port: MessagePort): void {
  port.onmessage = (event: MessageEvent<Heartbeat>) => {
    if ('ping' in event.data) port.postMessage({ pong: event.data.ping } satisfies Heartbeat);
  };
}
