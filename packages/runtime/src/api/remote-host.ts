import type { HostToLogicMessage, LogicToHostMessage, Unversioned } from '../protocol/messages.ts';
import { HOST_METHODS, type HostCapabilities, HostRefusal } from './host-capabilities.ts';

type HostResult = Extract<HostToLogicMessage, { type: 'host.result' }>;
type HostCall = Extract<LogicToHostMessage, { type: 'host.call' }>;

/**
 * The logic side of a host across a message channel: each capability call becomes a
 * `host.call`, settled by the matching `host.result` passed to `settle`.
 */
export function remoteHost(send: (message: Unversioned<HostCall>) => void): {
  host: HostCapabilities;
  settle(message: HostResult): void;
} {
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const host = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of HOST_METHODS) {
    host[method] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const callId = nextId++;
        waiting.set(callId, { resolve, reject });
        send({ type: 'host.call', callId, method, args });
      });
  }
  return {
    host: host as unknown as HostCapabilities,
    settle(message) {
      const entry = waiting.get(message.callId);
      if (!entry) return;
      waiting.delete(message.callId);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new HostRefusal(message.error ?? 'unknown error'));
    },
  };
}

/**
 * The host side of that channel: answers a `host.call` with the implementation's result.
 * @example worker.onmessage = (e) => e.data.type === 'host.call' && serveHost(host, e.data, (m) => worker.postMessage(m));
 */
export async function serveHost(
  host: HostCapabilities,
  call: HostCall,
  send: (message: HostResult) => void,
): Promise<void> {
  const method = (host as unknown as Record<string, unknown>)[call.method];
  if (!HOST_METHODS.includes(call.method as never) || typeof method !== 'function') {
    send({
      v: 1,
      type: 'host.result',
      callId: call.callId,
      ok: false,
      error: `${call.method} is not supported`,
    });
    return;
  }
  try {
    const value = await (method as (...args: unknown[]) => Promise<unknown>).apply(host, call.args);
    send({ v: 1, type: 'host.result', callId: call.callId, ok: true, value });
  } catch (error) {
    send({
      v: 1,
      type: 'host.result',
      callId: call.callId,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
