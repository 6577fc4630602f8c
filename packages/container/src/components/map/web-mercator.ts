/**
 * Web Mercator, as every tiled map draws the world: a point's pixel position in a view of
 * `width`×`height` centred on `center` at zoom `scale` (the platforms' `scale`, 3–20: 256·2^scale
 * pixels around the world).
 */
export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface MapView {
  center: LatLng;
  scale: number;
  width: number;
  height: number;
}

const TILE = 256;
const MAX_LAT = 85.05112878;

function world(point: LatLng, scale: number): { x: number; y: number } {
  const size = TILE * 2 ** scale;
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, point.latitude));
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((point.longitude + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

function unworld(x: number, y: number, scale: number): LatLng {
  const size = TILE * 2 ** scale;
  const longitude = (x / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / size;
  const latitude = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return { latitude, longitude };
}

/** Pixel position of `point` in the view. */
export function project(view: MapView, point: LatLng): { x: number; y: number } {
  const c = world(view.center, view.scale);
  const p = world(point, view.scale);
  return { x: p.x - c.x + view.width / 2, y: p.y - c.y + view.height / 2 };
}

/** The point under pixel (`x`, `y`) of the view. */
export function unproject(view: MapView, x: number, y: number): LatLng {
  const c = world(view.center, view.scale);
  return unworld(c.x + x - view.width / 2, c.y + y - view.height / 2, view.scale);
}

/** The corners of the view. */
export function regionOf(view: MapView): { southwest: LatLng; northeast: LatLng } {
  return { southwest: unproject(view, 0, view.height), northeast: unproject(view, view.width, 0) };
}

/** The centre and largest whole scale (within `min`–`max`) that show every point inside `padding`. */
export function fitPoints(
  points: readonly LatLng[],
  size: { width: number; height: number },
  padding: number,
  limits: { min: number; max: number },
): { center: LatLng; scale: number } | undefined {
  if (points.length === 0) return undefined;
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const sw = { latitude: Math.min(...lats), longitude: Math.min(...lngs) };
  const ne = { latitude: Math.max(...lats), longitude: Math.max(...lngs) };
  for (let scale = limits.max; scale >= limits.min; scale--) {
    const a = world(sw, scale);
    const b = world(ne, scale);
    if (b.x - a.x <= size.width - 2 * padding && a.y - b.y <= size.height - 2 * padding) {
      return { center: unworld((a.x + b.x) / 2, (a.y + b.y) / 2, scale), scale };
    }
  }
  const a = world(sw, limits.min);
  const b = world(ne, limits.min);
  return { center: unworld((a.x + b.x) / 2, (a.y + b.y) / 2, limits.min), scale: limits.min };
}
