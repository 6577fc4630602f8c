import { isPlainObject } from '../data/plain-data.ts';
import { type CallbackErrorReporter, settle } from './api-conventions.ts';
import { arrayBufferToBase64, base64ToArrayBuffer } from './base-members.ts';
import type { HostCapabilities, SocketEvent } from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Listener = (payload: unknown) => void;
type Kind = SocketEvent['kind'];

/** One `SocketTask`: its listeners by event, fed by the host's socket events. */
class SocketTask {
  readonly listeners: Record<Kind, Set<Listener>> = {
    open: new Set(),
    message: new Set(),
    error: new Set(),
    close: new Set(),
  };

  constructor(
    readonly id: number,
    private readonly host: HostCapabilities,
    private readonly report: CallbackErrorReporter,
  ) {}

  api(): Record<string, unknown> {
    const on = (kind: Kind) => (listener: unknown) => {
      if (typeof listener === 'function') this.listeners[kind].add(listener as Listener);
    };
    return {
      send: (options?: Options) => {
        const o = isPlainObject(options) ? options : {};
        return settle('sendSocketMessage', o, this.send(o.data), this.report);
      },
      close: (options?: Options) => {
        const o = isPlainObject(options) ? options : {};
        return settle('closeSocket', o, this.close(o), this.report);
      },
      onOpen: on('open'),
      onMessage: on('message'),
      onError: on('error'),
      onClose: on('close'),
    };
  }

  send(data: unknown): Promise<void> {
    const payload =
      data instanceof ArrayBuffer ? { base64: arrayBufferToBase64(data) } : { text: String(data ?? '') };
    return this.host.socketSend({ id: this.id, ...payload });
  }

  close(o: Options): Promise<void> {
    return this.host.socketClose({
      id: this.id,
      code: typeof o.code === 'number' ? o.code : 1000,
      reason: typeof o.reason === 'string' ? o.reason : '',
    });
  }

  dispatch(event: SocketEvent): void {
    const payload =
      event.kind === 'message'
        ? { data: event.base64 !== undefined ? base64ToArrayBuffer(event.base64) : (event.text ?? '') }
        : event.kind === 'close'
          ? { code: event.code ?? 1000, reason: event.reason ?? '' }
          : event.kind === 'error'
            ? { errMsg: event.reason ?? 'socket error' }
            : { header: {} };
    for (const listener of [...this.listeners[event.kind]]) {
      try {
        listener(payload);
      } catch (error) {
        this.report(error);
      }
    }
  }
}

/**
 * `connectSocket` and its `SocketTask`, and the legacy calls that drive the last socket opened
 * (`onSocketOpen`, `sendSocketMessage`, `closeSocket`…). The host opens the socket after
 * checking the app's socket domains; its events come back through `dispatch`.
 */
export function installSocketMembers(
  api: Api,
  host: HostCapabilities,
  report: CallbackErrorReporter,
): { dispatch(event: SocketEvent): void } {
  const tasks = new Map<number, SocketTask>();
  let nextId = 1;
  let latest: SocketTask | undefined;
  const legacy: Record<Kind, Set<Listener>> = {
    open: new Set(),
    message: new Set(),
    error: new Set(),
    close: new Set(),
  };

  api.connectSocket = (options?: Options) => {
    const o = isPlainObject(options) ? options : {};
    const task = new SocketTask(nextId++, host, report);
    tasks.set(task.id, task);
    latest = task;
    // The legacy listeners hear the socket opened last.
    for (const kind of Object.keys(legacy) as Kind[])
      for (const l of legacy[kind]) task.listeners[kind].add(l);
    const url = String(o.url ?? '');
    const opened = (async () => {
      if (!/^wss?:\/\//.test(url)) throw new Error(`invalid url "${url}"`);
      await host.socketConnect({
        id: task.id,
        url,
        protocols: Array.isArray(o.protocols) ? o.protocols.map(String) : [],
      });
    })();
    const done = settle('connectSocket', o, opened, report);
    done?.catch(() => undefined);
    return task.api();
  };
  const legacyOn = (kind: Kind) => (listener: unknown) => {
    if (typeof listener !== 'function') return;
    legacy[kind].add(listener as Listener);
    latest?.listeners[kind].add(listener as Listener);
  };
  const legacyOff = (kind: Kind) => (listener?: unknown) => {
    for (const set of [legacy[kind], latest?.listeners[kind]]) {
      if (!set) continue;
      if (typeof listener === 'function') set.delete(listener as Listener);
      else for (const l of legacy[kind]) set.delete(l);
    }
  };
  api.onSocketOpen = legacyOn('open');
  api.onSocketMessage = legacyOn('message');
  api.onSocketError = legacyOn('error');
  api.onSocketClose = legacyOn('close');
  api.offSocketOpen = legacyOff('open');
  api.offSocketMessage = legacyOff('message');
  api.offSocketError = legacyOff('error');
  api.offSocketClose = legacyOff('close');
  const noSocket = () => Promise.reject(new Error('socket is not connected'));
  api.sendSocketMessage = (options?: Options) => {
    const o = isPlainObject(options) ? options : {};
    const done = settle('sendSocketMessage', o, latest ? latest.send(o.data) : noSocket(), report);
    done?.catch(() => undefined);
    return done;
  };
  api.closeSocket = (options?: Options) => {
    const o = isPlainObject(options) ? options : {};
    const done = settle('closeSocket', o, latest ? latest.close(o) : noSocket(), report);
    done?.catch(() => undefined);
    return done;
  };
  return {
    dispatch(event) {
      const task = tasks.get(event.id);
      task?.dispatch(event);
      if (task && (event.kind === 'close' || event.kind === 'error')) tasks.delete(event.id);
    },
  };
}
