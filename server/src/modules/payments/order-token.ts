import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The order token the mini program hands to `tt.pay`: an HMAC over the order, its user
 * and its expiry, so it is bound to both, short-lived (it dies with the order's
 * validity) and needs no storage. Being deterministic, a repeated create returns the
 * same token.
 */
export function signOrderToken(
  key: Buffer,
  order: { id: string; userId: string; expiresAt: number },
): string {
  return `${order.expiresAt.toString(36)}.${mac(key, order.id, order.userId, order.expiresAt)}`;
}

export type TokenCheck = 'valid' | 'invalid' | 'expired';

export function checkOrderToken(
  key: Buffer,
  token: string,
  order: { id: string; userId: string; expiresAt: number },
  now: number,
): TokenCheck {
  const [expiry, signature, ...rest] = token.split('.');
  if (!expiry || !signature || rest.length > 0) return 'invalid';
  const expiresAt = Number.parseInt(expiry, 36);
  if (expiresAt !== order.expiresAt) return 'invalid';
  const want = Buffer.from(mac(key, order.id, order.userId, expiresAt));
  const got = Buffer.from(signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  return now >= expiresAt ? 'expired' : 'valid';
}

function mac(key: Buffer, orderId: string, userId: string, expiresAt: number): string {
  return createHmac('sha256', key).update(`${orderId}\n${userId}\n${expiresAt}`).digest('base64url');
}
