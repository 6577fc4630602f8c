/** Events a program listens to through `wx.on<Event>` / `wx.off<Event>`. */
export const API_EVENTS = [
  'AppShow',
  'AppHide',
  'Error',
  'PageNotFound',
  'UnhandledRejection',
  'ThemeChange',
  'NetworkStatusChange',
  'NetworkWeakChange',
  // the host's menu: Copy link
  'CopyUrl',
  // the device
  'LocationChange',
  'LocationChangeError',
  'AccelerometerChange',
  'CompassChange',
  'GyroscopeChange',
  'DeviceMotionChange',
  'BatteryInfoChange',
  'WindowResize',
  'KeyDown',
  'KeyUp',
  'KeyboardHeightChange',
  // routing, as the logic layer runs it
  'BeforeAppRoute',
  'AppRoute',
  'AppRouteDone',
  'BeforePageLoad',
  'AfterPageLoad',
  'BeforePageUnload',
  'AfterPageUnload',
  // WeChat's privacy gate and API categories: Plaza asks consent per scope, in every category alike
  'NeedPrivacyAuthorization',
  'ApiCategoryChange',
] as const;

/** A public event, or one the API keeps for its own objects: socket tasks, intersection observers. */
export type ApiEventName =
  | (typeof API_EVENTS)[number]
  | 'Socket'
  | 'Intersection'
  | 'Audio'
  | 'Sensor'
  | 'Battery'
  | 'Recorder'
  | 'PictureInPicture';

/**
 * The listeners registered through the API, by event. A listener that throws is reported and
 * the others still run.
 */
export class ApiEvents {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly report: (error: unknown) => void) {}

  on(event: ApiEventName, listener: unknown): void {
    if (typeof listener !== 'function') return;
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(event, set);
  }

  /** Without a listener, removes every listener of the event, as the dialects do. */
  off(event: ApiEventName, listener?: unknown): void {
    if (typeof listener === 'function') this.listeners.get(event)?.delete(listener as never);
    else this.listeners.delete(event);
  }

  /** Whether anyone listens (an unhandled rejection is reported as an error only when no one does). */
  has(event: ApiEventName): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  /** Calls the listeners; what they return, in order (`wx.onCopyUrl`'s answer the link's query). */
  emit(event: ApiEventName, payload: unknown): unknown[] {
    const answers: unknown[] = [];
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        answers.push(listener(payload));
      } catch (error) {
        if (event !== 'Error') this.report(error);
      }
    }
    return answers;
  }
}
