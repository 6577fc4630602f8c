import { randomBytes } from 'node:crypto';

/**
 * A new id: `<prefix>_` + time-ordered part + 80 random bits, so ids sort by creation
 * (cursor pagination) and cannot be guessed.
 *
 * @example
 * newId('ord') // 'ord_0mhx3k2a1f9c8e7d6b5a4c'
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}

/** A random opaque secret (tokens, codes, secrets), url-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
