import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The order_token `create_order` answers and `tt.pay` hands back: an HMAC over the ecpay
 * order and its expiry, so only a token the merchant received opens the order, and it
 * dies with the order's `valid_time`.
 */
export function signEcpayToken(key: Buffer, order: { id: string; expiresAt: number }): string {
  return `${order.expiresAt.toString(36)}.${mac(key, order.id, order.expiresAt)}`;
}

export function ecpayTokenMatches(
  key: Buffer,
  token: string,
  order: { id: string; expiresAt: number },
): boolean {
  const want = Buffer.from(signEcpayToken(key, order));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

function mac(key: Buffer, id: string, expiresAt: number): string {
  return createHmac('sha256', key).update(`ecpay\n${id}\n${expiresAt}`).digest('base64url');
}
