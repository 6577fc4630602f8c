import { HostRefusal, type Location } from '@plaza/runtime';

// GCJ-02, the coordinate system Chinese maps use: WGS-84 shifted by the published transform
// (Krasovsky ellipsoid), outside China the same as WGS-84.
const AXIS = 6378245.0;
const ECCENTRICITY = 0.006693421622965943;

const shiftLatitude = (x: number, y: number) =>
  -100 +
  2 * x +
  3 * y +
  0.2 * y * y +
  0.1 * x * y +
  0.2 * Math.sqrt(Math.abs(x)) +
  ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
  ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3 +
  ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;

const shiftLongitude = (x: number, y: number) =>
  300 +
  x +
  2 * y +
  0.1 * x * x +
  0.1 * x * y +
  0.1 * Math.sqrt(Math.abs(x)) +
  ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
  ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3 +
  ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;

/**
 * A WGS-84 position in GCJ-02 (`type: 'gcj02'`), as the platforms hand it to Chinese maps.
 * @example toGcj02(39.915, 116.404) // { latitude: 39.91640…, longitude: 116.41024… }
 */
export function toGcj02(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271)
    return { latitude, longitude };
  const radians = (latitude / 180) * Math.PI;
  const magic = 1 - ECCENTRICITY * Math.sin(radians) ** 2;
  const root = Math.sqrt(magic);
  const dLat =
    (shiftLatitude(longitude - 105, latitude - 35) * 180) /
    (((AXIS * (1 - ECCENTRICITY)) / (magic * root)) * Math.PI);
  const dLng =
    (shiftLongitude(longitude - 105, latitude - 35) * 180) / ((AXIS / root) * Math.cos(radians) * Math.PI);
  return { latitude: latitude + dLat, longitude: longitude + dLng };
}

/** A browser fix in the dialects' fields and coordinates; `fuzzy` keeps two decimals (about a kilometre). */
export function locationOf(position: GeolocationPosition, type: string, fuzzy = false): Location {
  const c = position.coords;
  const at = type === 'gcj02' ? toGcj02(c.latitude, c.longitude) : c;
  if (fuzzy)
    return { latitude: Math.round(at.latitude * 100) / 100, longitude: Math.round(at.longitude * 100) / 100 };
  return {
    latitude: at.latitude,
    longitude: at.longitude,
    speed: c.speed ?? -1,
    accuracy: c.accuracy,
    altitude: c.altitude ?? 0,
    verticalAccuracy: c.altitudeAccuracy ?? 0,
    horizontalAccuracy: c.accuracy,
  };
}

const refusal = (error: GeolocationPositionError) =>
  new HostRefusal(
    error.code === error.PERMISSION_DENIED ? 'auth deny' : `location unavailable: ${error.message}`,
  );

/** One fix from the host page's geolocation (the sandboxed frames have none). */
export function currentLocation(
  view: (Window & typeof globalThis) | null,
  options: { type?: string; fuzzy?: boolean },
): Promise<Location> {
  const geolocation = view?.navigator.geolocation;
  if (!geolocation) return Promise.reject(new HostRefusal('this browser has no geolocation'));
  return new Promise((resolve, reject) =>
    geolocation.getCurrentPosition(
      (position) => resolve(locationOf(position, options.type ?? 'wgs84', options.fuzzy)),
      (error) => reject(refusal(error)),
      { enableHighAccuracy: !options.fuzzy, timeout: 30_000 },
    ),
  );
}

/**
 * Follows the user's location while the program asks (`wx.startLocationUpdate`): each fix to
 * `change`, each failure to `lost` with the browser's error code. Without `background`, fixes
 * that come while the page is hidden are not handed on, as the platforms stop in the background.
 */
export function locationFollower(
  view: (Window & typeof globalThis) | null,
  change: (fix: Location) => void,
  lost: (error: { errCode: number; errMsg: string }) => void,
): (options: { running: boolean; background: boolean; type: string }) => Promise<void> {
  let watch: number | undefined;
  return async ({ running, background, type }) => {
    const geolocation = view?.navigator.geolocation;
    if (watch !== undefined) geolocation?.clearWatch(watch);
    watch = undefined;
    if (!running) return;
    if (!view || !geolocation) throw new HostRefusal('this browser has no geolocation');
    const doc = view.document;
    watch = geolocation.watchPosition(
      (position) => {
        if (background || doc.visibilityState !== 'hidden') change(locationOf(position, type));
      },
      (error) => lost({ errCode: error.code, errMsg: refusal(error).message }),
      { enableHighAccuracy: true },
    );
  };
}
