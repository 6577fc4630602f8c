import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newSecret } from '../../db/ids.ts';

/** Prefixes make leaked credentials recognisable (secret scanners) and tell authenticators apart. */
export const credentialPrefixes = { secret: 'pzas', clientToken: 'pzt' } as const;

/** A new app secret (256 random bits) and the sha256 that is all we keep. */
export function newAppSecret(): { secret: string; hash: string } {
  const secret = `${credentialPrefixes.secret}_${newSecret(32)}`;
  return { secret, hash: credentialHash(secret) };
}

export function newClientToken(): { token: string; hash: string } {
  const token = `${credentialPrefixes.clientToken}_${newSecret(32)}`;
  return { token, hash: credentialHash(token) };
}

/** The stored form of a high-entropy credential: a plain sha256 suffices (no guessing to slow down). */
export function credentialHash(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A public appid: `tt` + 16 hex digits, like the ids developers know. */
export function newAppid(): string {
  return `tt${randomBytes(8).toString('hex')}`;
}
