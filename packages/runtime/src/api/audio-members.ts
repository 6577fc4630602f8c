import { isPlainObject } from '../data/plain-data.ts';
import type { ApiContext } from './create-api.ts';
import type { AudioEvent, AudioProps } from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Listener = (payload: unknown) => void;

const EVENTS = [
  'Canplay',
  'Play',
  'Pause',
  'Stop',
  'Ended',
  'TimeUpdate',
  'Error',
  'Waiting',
  'Seeking',
  'Seeked',
] as const;
const SETTABLE = ['src', 'startTime', 'autoplay', 'loop', 'volume', 'playbackRate'] as const;

/** One audio the host page plays for the program, mirrored here: its settings, state and listeners. */
class Audio {
  readonly listeners = new Map<string, Set<Listener>>();
  readonly props: AudioProps = {
    src: '',
    startTime: 0,
    autoplay: false,
    loop: false,
    volume: 1,
    playbackRate: 1,
  };
  state = { currentTime: 0, duration: 0, paused: true };

  constructor(
    readonly id: number,
    private readonly ctx: ApiContext,
    private readonly label: string,
  ) {}

  command(action: 'set' | 'play' | 'pause' | 'stop' | 'seek' | 'destroy', value?: number): void {
    this.ctx.host
      .audioCommand({
        id: this.id,
        action,
        props: { ...this.props },
        ...(value === undefined ? {} : { value }),
      })
      .catch((error: unknown) => {
        this.ctx.log('warn', `${this.label}.${action}:fail ${(error as Error)?.message ?? error}`);
        this.emit({ id: this.id, kind: 'Error', errMsg: String((error as Error)?.message ?? error) });
      });
  }

  emit(event: AudioEvent): void {
    if (event.currentTime !== undefined) this.state.currentTime = event.currentTime;
    if (event.duration !== undefined) this.state.duration = event.duration;
    if (event.kind === 'Play') this.state.paused = false;
    if (event.kind === 'Pause' || event.kind === 'Stop' || event.kind === 'Ended') this.state.paused = true;
    const payload = event.kind === 'Error' ? { errMsg: event.errMsg ?? 'audio error', errCode: -1 } : {};
    for (const listener of [...(this.listeners.get(event.kind) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        this.ctx.report(error);
      }
    }
  }

  /** The context object the program holds. */
  api(extra: Record<string, unknown> = {}): Record<string, unknown> {
    const context: Record<string, unknown> = {
      play: () => this.command('play'),
      pause: () => this.command('pause'),
      stop: () => this.command('stop'),
      seek: (position: unknown) => this.command('seek', Number(position) || 0),
      destroy: () => this.command('destroy'),
      ...extra,
    };
    for (const event of EVENTS) {
      context[`on${event}`] = (listener: unknown) => {
        if (typeof listener !== 'function') return;
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener as Listener);
        this.listeners.set(event, set);
      };
      context[`off${event}`] = (listener?: unknown) => {
        if (typeof listener === 'function') this.listeners.get(event)?.delete(listener as Listener);
        else this.listeners.delete(event);
      };
    }
    for (const key of SETTABLE) {
      Object.defineProperty(context, key, {
        enumerable: true,
        configurable: true,
        get: () => this.props[key],
        set: (value: unknown) => {
          (this.props as unknown as Record<string, unknown>)[key] =
            typeof this.props[key] === 'number'
              ? Number(value) || 0
              : typeof this.props[key] === 'boolean'
                ? !!value
                : String(value ?? '');
          this.command('set');
        },
      });
    }
    for (const key of ['currentTime', 'duration', 'paused'] as const)
      Object.defineProperty(context, key, { enumerable: true, get: () => this.state[key] });
    return context;
  }
}

/**
 * Audio the host page plays (the logic worker has no sound): `createInnerAudioContext`,
 * `getBackgroundAudioManager` and the legacy background-audio calls on that manager.
 */
export function installAudioMembers(
  api: Api,
  ctx: ApiContext,
  define: (name: string, run: (o: Record<string, unknown>) => unknown) => void,
): {
  dispatch(event: AudioEvent): void;
} {
  const audios = new Map<number, Audio>();
  let nextId = 1;
  const open = (label: string) => {
    const audio = new Audio(nextId++, ctx, label);
    audios.set(audio.id, audio);
    return audio;
  };
  api.createInnerAudioContext = () => open('InnerAudioContext').api();
  let background: { audio: Audio; api: Record<string, unknown> } | undefined;
  const manager = () => {
    if (background) return background;
    const audio = open('BackgroundAudioManager');
    const meta: Record<string, unknown> = {
      title: '',
      epname: '',
      singer: '',
      coverImgUrl: '',
      webUrl: '',
      protocol: 'http',
    };
    const managerApi = audio.api({ onPrev: () => undefined, onNext: () => undefined });
    for (const key of Object.keys(meta))
      Object.defineProperty(managerApi, key, { enumerable: true, writable: true, value: meta[key] });
    // Setting the manager's src starts playing, as on the platforms.
    Object.defineProperty(managerApi, 'src', {
      enumerable: true,
      get: () => audio.props.src,
      set: (value: unknown) => {
        audio.props.src = String(value ?? '');
        audio.command('set');
        audio.command('play');
      },
    });
    background = { audio, api: managerApi };
    return background;
  };
  api.getBackgroundAudioManager = () => manager().api;
  define('playBackgroundAudio', (o) => {
    const { api: m } = manager();
    if (typeof o.title === 'string') m.title = o.title;
    m.src = String(o.dataUrl ?? '');
  });
  define('pauseBackgroundAudio', () => manager().audio.command('pause'));
  define('stopBackgroundAudio', () => manager().audio.command('stop'));
  define('seekBackgroundAudio', (o) => manager().audio.command('seek', Number(o.position) || 0));
  define('getBackgroundAudioPlayerState', () => {
    const { audio } = manager();
    return {
      duration: audio.state.duration,
      currentPosition: audio.state.currentTime,
      status: audio.props.src === '' ? 2 : audio.state.paused ? 0 : 1,
      downloadPercent: audio.props.src ? 100 : 0,
      dataUrl: audio.props.src,
    };
  });
  for (const [name, kind] of [
    ['onBackgroundAudioPlay', 'Play'],
    ['onBackgroundAudioPause', 'Pause'],
    ['onBackgroundAudioStop', 'Stop'],
  ] as const) {
    api[name] = (listener: unknown) => (manager().api[`on${kind}`] as (l: unknown) => void)(listener);
  }
  return {
    dispatch(event) {
      if (isPlainObject(event)) audios.get(event.id)?.emit(event);
    },
  };
}
