import type { ApiEvents } from './api-events.ts';
import type {
  BatteryInfo,
  HostCapabilities,
  SensorInterval,
  SensorKind,
  SensorReading,
} from './host-capabilities.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

/** Each sensor's start/stop members and the event its readings go to. */
const SENSORS: ReadonlyArray<{ kind: SensorKind; start: string; stop: string; event: SensorEvent }> = [
  {
    kind: 'accelerometer',
    start: 'startAccelerometer',
    stop: 'stopAccelerometer',
    event: 'AccelerometerChange',
  },
  { kind: 'compass', start: 'startCompass', stop: 'stopCompass', event: 'CompassChange' },
  { kind: 'gyroscope', start: 'startGyroscope', stop: 'stopGyroscope', event: 'GyroscopeChange' },
  {
    kind: 'deviceMotion',
    start: 'startDeviceMotionListening',
    stop: 'stopDeviceMotionListening',
    event: 'DeviceMotionChange',
  },
];
type SensorEvent = 'AccelerometerChange' | 'CompassChange' | 'GyroscopeChange' | 'DeviceMotionChange';

const INTERVALS = new Set<SensorInterval>(['game', 'ui', 'normal']);

/**
 * The device's motion sensors and battery, read by the host (the browser's `devicemotion` and
 * `deviceorientation` events, `navigator.getBatteryInfo`): `start*` turns a sensor on, its
 * `on*Change` listeners hear its readings until `stop*`. The `on*`/`off*` members themselves are
 * the API's events (see `API_EVENTS`).
 */
export function installSensorMembers(
  api: Api,
  host: HostCapabilities,
  define: Define,
  events: ApiEvents,
): void {
  const running = new Set<SensorKind>();
  for (const sensor of SENSORS) {
    define(sensor.start, async (o) => {
      const interval = INTERVALS.has(o.interval as SensorInterval)
        ? (o.interval as SensorInterval)
        : 'normal';
      await host.sensor({ kind: sensor.kind, running: true, interval });
      running.add(sensor.kind);
    });
    define(sensor.stop, async () => {
      running.delete(sensor.kind);
      await host.sensor({ kind: sensor.kind, running: false, interval: 'normal' });
    });
  }
  events.on('Sensor', (payload: unknown) => {
    const reading = payload as SensorReading;
    const sensor = SENSORS.find((s) => s.kind === reading.kind);
    // A reading that arrives after `stop*` (it was on its way) is not heard.
    if (sensor && running.has(sensor.kind)) events.emit(sensor.event, { ...reading.values });
  });

  // The battery: the last reading the host sent, for the synchronous member.
  let battery: BatteryInfo | undefined;
  events.on('Battery', (payload: unknown) => {
    const { level, isCharging, changed } = payload as BatteryInfo & { changed?: boolean };
    battery = { level, isCharging };
    if (changed) events.emit('BatteryInfoChange', { ...battery });
  });
  define('getBatteryInfo', async () => {
    battery = await host.getBatteryInfo();
    return { ...battery };
  });
  // Until the host's first reading arrives, a full battery: the platforms' value when they cannot tell.
  api.getBatteryInfoSync = () => ({ ...(battery ?? { level: 100, isCharging: false }) });
}
