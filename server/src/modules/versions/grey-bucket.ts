import { createHash } from 'node:crypto';

/**
 * A user's grey-release bucket for an app, 0–99: a stable hash of (appid, user id), so a
 * user keeps the same version across calls and devices, and a release at p% reaches the
 * buckets below p — raising p only adds users. Per-app, so the same users are not always
 * the first to get every app's new version.
 *
 * @example
 * inGrey('tt0123', 'usr_1', 30) // true for about 30% of users, always the same ones
 */
export function greyBucket(appid: string, userId: string): number {
  const digest = createHash('sha256').update(`${appid}\0${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

export function inGrey(appid: string, userId: string, percentage: number): boolean {
  return greyBucket(appid, userId) < percentage;
}
