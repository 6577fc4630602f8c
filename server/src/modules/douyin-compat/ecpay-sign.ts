import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Douyin guaranteed payment's (ecpay) two signatures, exactly as the platform's official
 * demos compute them, so a merchant's existing signing code works unchanged:
 * - the request `sign`: MD5 over the request's values (not its keys), each trimmed and
 *   unquoted, the empty and `null` ones and the keys below left out, with the payment SALT
 *   added, sorted bytewise and joined with `&`;
 * - the callback `msg_signature`: SHA-1 over the sorted `[token, timestamp, nonce, msg]`.
 */
export const unsignedKeys = new Set(['other_settle_params', 'app_id', 'thirdparty_id', 'sign']);

/** A value as the signature reads it: numbers and strings as written, objects as JSON. */
function signedValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  let v = text.trim();
  if (v.length > 1 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  return v.trim();
}

/** Go's `sort.Strings`: by UTF-8 bytes, which differs from JavaScript's code-unit order. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function ecpayRequestSign(params: Record<string, unknown>, salt: string): string {
  const values: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (unsignedKeys.has(key)) continue;
    const value = signedValue(raw);
    if (value === '' || value === 'null') continue;
    values.push(value);
  }
  values.push(salt);
  values.sort(byBytes);
  return createHash('md5').update(values.join('&'), 'utf8').digest('hex');
}

/** True when `sign` is the request's signature under `salt`; compared in constant time. */
export function ecpaySignMatches(params: Record<string, unknown>, salt: string, sign: unknown): boolean {
  if (typeof sign !== 'string' || sign.length !== 32) return false;
  const want = Buffer.from(ecpayRequestSign(params, salt));
  const got = Buffer.from(sign.toLowerCase());
  return want.length === got.length && timingSafeEqual(want, got);
}

export function ecpayCallbackSignature(parts: {
  token: string;
  timestamp: string;
  nonce: string;
  msg: string;
}): string {
  const sorted = [parts.token, parts.timestamp, parts.nonce, parts.msg].sort(byBytes);
  return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}
