import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Per-app and per-org user ids, derived with HMAC-SHA256 under a platform key: stable
 * for one user in one app (or org), unlinkable across apps (or orgs) without the key, and
 * revealing nothing of the internal user id. 24 bytes of the MAC (192 bits) leave no
 * realistic chance of collision.
 *
 * @example
 * openidOf(key, 'tt0123456789abcdef', 'usr_…') // 'o…' (33 characters)
 */
export function openidOf(key: Buffer, appid: string, userId: string): string {
  return `o${mac(key, `openid\0${appid}\0${userId}`)}`;
}

export function unionidOf(key: Buffer, orgId: string, userId: string): string {
  return `u${mac(key, `unionid\0${orgId}\0${userId}`)}`;
}

function mac(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest().subarray(0, 24).toString('base64url');
}

/** Seals a session key for storage: AES-256-GCM, `iv.tag.ciphertext` in base64url. */
export function sealSessionKey(key: Buffer, sessionKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(sessionKey, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

export function openSessionKey(key: Buffer, stored: string): string {
  const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !sealed) throw new Error('Malformed sealed session key');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
