import {
  type BatteryInfo,
  type HostCapabilities,
  HostRefusal,
  type SensorKind,
  type SensorReading,
} from '@plaza/runtime';

/** The dialects' rates, in milliseconds between readings. */
const INTERVAL_MS = { game: 20, ui: 60, normal: 200 } as const;
const STANDARD_GRAVITY = 9.80665;
const toRadians = (degrees: number | null | undefined) => ((degrees ?? 0) * Math.PI) / 180;

/**
 * The device's motion sensors, read from the host page's `devicemotion` and
 * `deviceorientation` events (the sandboxed frames get none) and handed to the program in the
 * dialects' units: acceleration in g, rotation rates in rad/s, the compass heading in degrees
 * from north, the orientation angles in degrees. A sensor the browser lacks is refused.
 */
export function motionSensors(
  view: (Window & typeof globalThis) | null,
  emit: (reading: SensorReading) => void,
): HostCapabilities['sensor'] {
  const running = new Map<SensorKind, () => void>();
  return async ({ kind, running: on, interval }) => {
    running.get(kind)?.();
    running.delete(kind);
    if (!on) return;
    const motion = kind === 'accelerometer' || kind === 'gyroscope';
    if (!view || !(motion ? 'DeviceMotionEvent' in view : 'DeviceOrientationEvent' in view))
      throw new HostRefusal('not supported');
    const every = INTERVAL_MS[interval];
    let last = Number.NEGATIVE_INFINITY;
    const paced = (read: () => Record<string, number | string> | undefined) => (event: Event) => {
      if (event.timeStamp - last < every) return;
      const values = read();
      if (!values) return;
      last = event.timeStamp;
      emit({ kind, values });
    };
    let listener: (event: Event) => void;
    let type: string;
    if (motion) {
      type = 'devicemotion';
      listener = (event) =>
        paced(() => {
          const e = event as DeviceMotionEvent;
          if (kind === 'accelerometer') {
            const a = e.accelerationIncludingGravity;
            if (!a) return undefined;
            return {
              x: (a.x ?? 0) / STANDARD_GRAVITY,
              y: (a.y ?? 0) / STANDARD_GRAVITY,
              z: (a.z ?? 0) / STANDARD_GRAVITY,
            };
          }
          const r = e.rotationRate;
          if (!r) return undefined;
          // rotationRate's alpha, beta and gamma turn about the device's x, y and z axes.
          return { x: toRadians(r.alpha), y: toRadians(r.beta), z: toRadians(r.gamma) };
        })(event);
    } else {
      // The compass reads the orientation relative to the earth where the browser has it.
      type =
        kind === 'compass' && 'ondeviceorientationabsolute' in view
          ? 'deviceorientationabsolute'
          : 'deviceorientation';
      listener = (event) =>
        paced((): Record<string, number | string> | undefined => {
          const e = event as DeviceOrientationEvent;
          if (e.alpha === null) return undefined;
          if (kind === 'compass')
            return { direction: (360 - e.alpha) % 360, accuracy: e.absolute ? 'high' : 'unreliable' };
          return { alpha: e.alpha, beta: e.beta ?? 0, gamma: e.gamma ?? 0 };
        })(event);
    }
    view.addEventListener(type, listener);
    running.set(kind, () => view.removeEventListener(type, listener));
  };
}

/** The battery, through Chromium's Battery Status API; refused where the browser has none. */
export async function batteryInfo(view: (Window & typeof globalThis) | null): Promise<BatteryInfo> {
  const nav = view?.navigator as
    | (Navigator & { getBattery?: () => Promise<{ level: number; charging: boolean }> })
    | undefined;
  if (!nav?.getBattery) throw new HostRefusal('not supported');
  const battery = await nav.getBattery();
  return { level: Math.round(battery.level * 100), isCharging: battery.charging };
}
