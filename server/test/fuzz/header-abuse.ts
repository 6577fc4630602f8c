import type { FuzzRequest } from './hostile-requests.ts';
import type { Operation } from './openapi-operations.ts';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A browser session: its cookies and the CSRF token it expects echoed in a header. */
export interface CookieSession {
  cookies: Record<string, string>;
  csrf: string;
}

/**
 * Credentials that must not pass: garbage and 10 kB bearer tokens, forged tokens of each
 * kind, other schemes, forged cookies, a cookie session without or with the wrong CSRF
 * header, and malformed `Idempotency-Key`s. `base` is a request that would otherwise pass.
 */
export function headerAbuseRequests(
  op: Operation,
  base: FuzzRequest,
  sessions: { developer: CookieSession; user: CookieSession },
): FuzzRequest[] {
  const open = op.audiences.includes('anyone');
  const forDevelopers = op.audiences.some((a) => a.startsWith('developer'));
  const forUsers = op.audiences.some((a) => a.startsWith('end user'));
  const out: FuzzRequest[] = [];
  const send = (label: string, mustRefuse: boolean, headers: Record<string, string>) =>
    out.push({ ...base, label, mustRefuse, headers: { ...base.headers, ...headers } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  // A token of a known kind that the platform never issued is a 401, even on open routes.
  for (const prefix of ['pzs_', 'pzu_', 'pzt_'])
    send(`forged ${prefix} token`, true, bearer(`${prefix}${'A'.repeat(43)}`));
  send('10 kB token of a known kind', true, bearer(`pzs_${'A'.repeat(10 * 1024)}`));
  send('bearer with two words', true, { authorization: 'Bearer a b' });
  send('basic scheme', true, { authorization: 'Basic dXNlcjpwYXNz' });
  send('bearer without a token', true, { authorization: 'Bearer' });
  // Tokens of no kind the platform knows are no credential: open routes treat them as anonymous.
  send('garbage bearer token', !open, bearer('garbage!'));
  send('10 kB garbage token', !open, bearer('g'.repeat(10 * 1024)));
  if (!open) {
    send('forged session cookie', true, {
      cookie: 'plaza_session=pzs_forged; plaza_user_session=pzu_forged',
    });
  }
  const cookieAbuse = (who: string, session: CookieSession) => {
    const cookie = Object.entries(session.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    send(`${who} cookie session without CSRF header`, true, { cookie });
    send(`${who} cookie session with a wrong CSRF header`, true, {
      cookie,
      'x-csrf-token': `${session.csrf}x`,
    });
    send(`${who} cookie session with the other kind's CSRF token`, true, {
      cookie,
      'x-csrf-token': (who === 'developer' ? sessions.user : sessions.developer).csrf,
    });
  };
  if (forDevelopers && unsafe.has(op.method)) cookieAbuse('developer', sessions.developer);
  if (forUsers && unsafe.has(op.method)) cookieAbuse('end user', sessions.user);
  if (unsafe.has(op.method)) {
    for (const key of ['', 'has space', 'ü'.repeat(3), 'k'.repeat(300), '../..'])
      send(`Idempotency-Key ${JSON.stringify(key.slice(0, 12))}`, false, { 'idempotency-key': key });
  }
  return out;
}
