import { describe, expect, it } from 'vitest';
import { locationQuery, roundedToCity } from './coarse-location.ts';

describe('the coarse location a feed sends', () => {
  it('keeps a city, not a street: 0.1 degree', () => {
    expect(roundedToCity(31.23042)).toBe(31.2);
    expect(roundedToCity(121.4737)).toBe(121.5);
    expect(roundedToCity(-33.86882)).toBe(-33.9);
  });

  it('adds lat and lng to the feed query only when there is a location', () => {
    expect(locationQuery({ lat: 31.2, lng: 121.5 })).toBe('&lat=31.2&lng=121.5');
    expect(locationQuery(undefined)).toBe('');
  });
});
