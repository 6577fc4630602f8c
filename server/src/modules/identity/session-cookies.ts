import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionGrant } from './identity.model.ts';
import type { SessionKind } from './identity.table.ts';

/**
 * Cookie names per session kind. Console (account) and super app (user) sessions
 * have their own pair, so signing in to one never signs the browser out of the other.
 * The session cookie is http-only; the CSRF cookie is readable by the page's script,
 * which echoes it in `x-csrf-token` on every mutation (double submit).
 */
export const sessionCookieNames: Record<SessionKind, { session: string; csrf: string }> = {
  account: { session: 'plaza_session', csrf: 'plaza_csrf' },
  user: { session: 'plaza_user_session', csrf: 'plaza_user_csrf' },
};

export function setSessionCookies(
  reply: FastifyReply,
  kind: SessionKind,
  grant: SessionGrant,
  secure: boolean,
): void {
  const names = sessionCookieNames[kind];
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: new Date(grant.expiresAt) };
  reply.setCookie(names.session, grant.token, { ...common, httpOnly: true });
  reply.setCookie(names.csrf, grant.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, kind: SessionKind, secure: boolean): void {
  const names = sessionCookieNames[kind];
  reply.clearCookie(names.session, { path: '/', sameSite: 'lax', secure, httpOnly: true });
  reply.clearCookie(names.csrf, { path: '/', sameSite: 'lax', secure });
}

/**
 * The request's cookies. Access control runs before the cookie plugin's own hook has
 * parsed them, so the header is parsed here when needed.
 */
export function requestCookies(request: FastifyRequest): Record<string, string | undefined> {
  if (request.cookies) return request.cookies;
  const header = request.headers.cookie;
  return header ? request.server.parseCookie(header) : {};
}
