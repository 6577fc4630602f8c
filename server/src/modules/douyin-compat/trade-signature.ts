import { createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * The trade system's RSA signatures, as Douyin documents them: the merchant signs
 * `tt.requestOrder`'s data with its private key (`byteAuthorization`, checked with the
 * public key it registered), and the platform signs its callbacks with its own key
 * (`Byte-Signature`, checked with the platform's public key). Both are RSA-SHA256
 * (PKCS#1 v1.5), base64.
 */

/** What `SHA256-RSA2048 appid="…",nonce_str="…",timestamp="…",key_version="…",signature="…"` says. */
export interface ByteAuthorization {
  appid: string;
  nonceStr: string;
  timestamp: string;
  keyVersion: string;
  signature: string;
}

const scheme = 'SHA256-RSA2048';

/**
 * Reads a `byteAuthorization`; values may be quoted or bare (Douyin's demos write both).
 * Null when the scheme is another or a field is missing.
 * @example parseByteAuthorization('SHA256-RSA2048 appid="tt1",nonce_str="n",timestamp="1",key_version="1",signature="c2ln"')
 */
export function parseByteAuthorization(header: string): ByteAuthorization | null {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${scheme} `)) return null;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(scheme.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) return null;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    fields.set(name, value);
  }
  const appid = fields.get('appid');
  const nonceStr = fields.get('nonce_str');
  const timestamp = fields.get('timestamp');
  const keyVersion = fields.get('key_version');
  const signature = fields.get('signature');
  if (!appid || !nonceStr || !timestamp || !keyVersion || !signature) return null;
  return { appid, nonceStr, timestamp, keyVersion, signature };
}

/** What the merchant signs for `tt.requestOrder`: `POST\n/requestOrder\n<ts>\n<nonce>\n<data>\n`. */
export function requestOrderSignedText(timestamp: string, nonceStr: string, data: string): string {
  return `POST\n/requestOrder\n${timestamp}\n${nonceStr}\n${data}\n`;
}

/** What the platform signs for a callback: `<Byte-Timestamp>\n<Byte-Nonce-Str>\n<raw body>\n`. */
export function callbackSignedText(timestamp: string, nonceStr: string, body: string): string {
  return `${timestamp}\n${nonceStr}\n${body}\n`;
}

export function rsaSign(privateKeyPem: string, text: string): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKeyPem, 'base64');
}

/** False for a wrong signature, and for one that is not even base64 of the key's size. */
export function rsaSignatureMatches(publicKey: KeyObject | string, text: string, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    // A key of another type cannot verify RSA: that is a mismatch, not a crash.
    return false;
  }
}

/** The smallest RSA key the trade system takes (its name says 2048). */
export const minimumKeyBits = 2048;

/**
 * Why a PEM is not a usable public key for `byteAuthorization`, or null: it must parse as
 * a public key (SPKI or PKCS#1), be RSA, and have at least 2048 bits.
 */
export function publicKeyProblem(pem: string): string | null {
  // createPublicKey would derive one from a private key: that key must never reach Plaza.
  if (/PRIVATE KEY/.test(pem)) return 'a private key; register the public key only';
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return 'not a PEM public key';
  }
  if (key.asymmetricKeyType !== 'rsa') return 'not an RSA key';
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minimumKeyBits) return `an RSA key of ${bits} bits; at least ${minimumKeyBits} are needed`;
  return null;
}

/** The key as SPKI PEM, however it was given (a PKCS#1 `RSA PUBLIC KEY` too). */
export function normalisedPublicKey(pem: string): string {
  return createPublicKey({ key: pem, format: 'pem' }).export({ type: 'spki', format: 'pem' }).toString();
}
