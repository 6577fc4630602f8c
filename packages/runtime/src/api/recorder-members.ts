import { isPlainObject } from '../data/plain-data.ts';
import type { CallbackErrorReporter } from './api-conventions.ts';
import type { ApiEvents } from './api-events.ts';
import { base64ToArrayBuffer } from './base-members.ts';
import type { FileStore } from './files/file-store.ts';
import type { HostCapabilities, RecorderEvent } from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;
type Listener = (payload: unknown) => void;

const EVENTS = [
  'Start',
  'Pause',
  'Resume',
  'Stop',
  'Error',
  'FrameRecorded',
  'InterruptionBegin',
  'InterruptionEnd',
];
/** The platforms' limits: one minute by default, ten at most. */
const DEFAULT_DURATION_MS = 60_000;
const MAX_DURATION_MS = 600_000;

/**
 * The microphone, recorded by the host page (`MediaRecorder`, after the host asks the user for
 * `scope.record`): `getRecorderManager()` and the legacy `startRecord`/`stopRecord`. The
 * recording lands in a temporary file of the app, in the browser's own format (WebM/Opus in
 * Chromium), whatever `format` the program asked for.
 */
export function installRecorderMembers(
  api: Api,
  define: Define,
  store: FileStore,
  host: HostCapabilities,
  events: ApiEvents,
  report: CallbackErrorReporter,
): void {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        report(error);
      }
    }
  };
  // The legacy `startRecord` waits for the recording it started.
  let legacy: { resolve(path: string): void; reject(error: Error): void } | undefined;
  const fail = (errMsg: string) => {
    const waiting = legacy;
    legacy = undefined;
    emit('Error', { errMsg: `operateRecorder:fail ${errMsg}` });
    waiting?.reject(new Error(errMsg));
  };
  const command = (action: 'start' | 'pause' | 'resume' | 'stop', options: Options = {}) => {
    const duration =
      typeof options.duration === 'number' && options.duration > 0
        ? Math.min(MAX_DURATION_MS, options.duration)
        : DEFAULT_DURATION_MS;
    host.recorder({ action, duration }).then(
      () => {
        if (action !== 'stop')
          emit(action === 'start' ? 'Start' : action === 'pause' ? 'Pause' : 'Resume', {});
      },
      (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
    );
  };
  const manager: Record<string, unknown> = {
    start: (options?: unknown) => command('start', isPlainObject(options) ? options : {}),
    pause: () => command('pause'),
    resume: () => command('resume'),
    stop: () => command('stop'),
  };
  for (const event of EVENTS) {
    manager[`on${event}`] = (listener: unknown) => {
      if (typeof listener !== 'function') return;
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener as Listener));
    };
    manager[`off${event}`] = (listener?: unknown) => {
      if (typeof listener === 'function') listeners.get(event)?.delete(listener as Listener);
      else listeners.delete(event);
    };
  }
  api.getRecorderManager = () => manager;

  events.on('Recorder', (payload: unknown) => {
    const event = payload as RecorderEvent;
    if (event.kind === 'error') return fail(event.errMsg ?? 'recording failed');
    const bytes = new Uint8Array(base64ToArrayBuffer(event.data ?? ''));
    const path = store.tempPath(`recording.${/ogg/.test(event.type ?? '') ? 'ogg' : 'webm'}`);
    // The legacy call this recording answers: a listener may start the next one.
    const waiting = legacy;
    legacy = undefined;
    store.write(path, bytes).then(
      () => {
        emit('Stop', { tempFilePath: path, duration: event.duration ?? 0, fileSize: bytes.length });
        waiting?.resolve(path);
      },
      (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
    );
  });

  define('startRecord', () => {
    if (legacy) throw new Error('recording already');
    const done = new Promise<string>((resolve, reject) => {
      legacy = { resolve, reject };
    });
    command('start');
    return done.then((tempFilePath) => ({ tempFilePath }));
  });
  define('stopRecord', () => {
    if (!legacy) throw new Error('not recording');
    command('stop');
  });
}
