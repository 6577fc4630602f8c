/**
 * Seeded randomness for the simulator: one seed gives the same world, the same requests
 * and the same reactions under every policy, so the policies differ only by what they show.
 */

/** mulberry32, shared with the search catalogue: `next()` is uniform in [0, 1). */
import { random as seeded } from '../search/catalogue.ts';

export { seeded };

/**
 * A uniform number fixed by its keys: the same user meeting the same item in the same hour
 * reacts the same way whichever policy showed it.
 */
export function uniformOf(...keys: number[]): number {
  let h = 0x811c9dc5;
  for (const k of keys) {
    h = Math.imul(h ^ (k & 0xffff), 0x01000193);
    h = Math.imul(h ^ (k >>> 16), 0x01000193);
  }
  return seeded(h)();
}

export function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function logNormal(random: () => number, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * normal(random));
}

export function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
