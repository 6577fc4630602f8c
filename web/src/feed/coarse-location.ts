/**
 * The viewer's location rounded to about a city (0.1°, some 11 km), only when the super app
 * already holds the permission: the feed never asks for it. Undefined otherwise, or when the
 * position does not come within two seconds.
 */
export async function coarseLocation(): Promise<{ lat: number; lng: number } | undefined> {
  if (!navigator.geolocation || !navigator.permissions) return undefined;
  const status = await navigator.permissions.query({ name: 'geolocation' }).catch(() => undefined);
  if (status?.state !== 'granted') return undefined;
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: roundedToCity(p.coords.latitude), lng: roundedToCity(p.coords.longitude) }),
      // Unavailable or too slow: the feed goes on without it.
      () => resolve(undefined),
      { maximumAge: 10 * 60_000, timeout: 2_000, enableHighAccuracy: false },
    );
  });
}

/** 0.1° of latitude is about 11 km: a city, not a street. */
export const roundedToCity = (degrees: number): number => Math.round(degrees * 10) / 10;

/** The query string the feed adds for a location, or nothing. */
export const locationQuery = (at: { lat: number; lng: number } | undefined): string =>
  at ? `&lat=${at.lat}&lng=${at.lng}` : '';
