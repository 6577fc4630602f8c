import { createHash } from 'node:crypto';
import { newSecret } from '../../db/ids.ts';

/**
 * Bearer secrets: a recognisable prefix (so each authenticator knows its own) and
 * 256 random bits. Only the sha256 is stored: a leaked table grants nothing.
 *
 * @example
 * const { token, hash } = issueToken('pzs'); // token 'pzs_…'
 */
export function issueToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}_${newSecret(32)}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Prefixes of the identity module's bearer tokens. */
export const tokenPrefixes = { account: 'pzs', user: 'pzu', setup: 'pzsetup' } as const;
