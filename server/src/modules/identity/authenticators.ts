import type { FastifyRequest } from 'fastify';
import { type Authenticator, bearerToken } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import type { IdentityService } from './identity.service.ts';
import type { SessionKind } from './identity.table.ts';
import { sessionKindOfToken } from './session.service.ts';
import { requestCookies, sessionCookieNames } from './session-cookies.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Bearer `pzs_…` (account) and `pzu_…` (end user) session tokens; other tokens are not ours. */
export function sessionBearerAuthenticator(identity: IdentityService): Authenticator {
  return async (request) => {
    const token = bearerToken(request);
    if (token === undefined || !sessionKindOfToken(token)) return undefined;
    const principal = await identity.resolveSession(token, 'bearer');
    if (!principal) throw httpErrors.INVALID_CREDENTIALS();
    return principal;
  };
}

/** Which session cookie a route cares about first: the super app's on user-only routes. */
function cookieOrder(request: FastifyRequest): SessionKind[] {
  const access = request.routeOptions.config?.access ?? [];
  const userOnly = access.includes('user') && !access.includes('developer') && !access.includes('operator');
  return userOnly ? ['user', 'account'] : ['account', 'user'];
}

/**
 * Browser sessions from the `plaza_session` / `plaza_user_session` cookies.
 *
 * On routes open to anyone, a stale cookie is ignored rather than refused (it must not
 * block signing in again), and mutations there never act on the ambient cookie at all:
 * a public form cannot be replayed cross-site with someone's session. A route that opts in
 * with `optionalSession` does read it, and access control then demands the session's CSRF
 * token, so a cross-site replay is refused rather than acted on.
 */
export function sessionCookieAuthenticator(identity: IdentityService): Authenticator {
  return async (request) => {
    const config = request.routeOptions.config;
    const open = config?.access?.includes('anonymous') ?? false;
    if (open && unsafeMethods.has(request.method) && !config?.optionalSession) return undefined;
    const cookies = requestCookies(request);
    for (const kind of cookieOrder(request)) {
      const token = cookies[sessionCookieNames[kind].session];
      if (!token) continue;
      const principal = await identity.resolveSession(token, 'cookie');
      if (principal && principal.kind === (kind === 'account' ? 'account' : 'user')) return principal;
      if (open) return undefined;
      throw httpErrors.INVALID_CREDENTIALS();
    }
    return undefined;
  };
}

export function identityAuthenticators(identity: IdentityService): Authenticator[] {
  return [sessionBearerAuthenticator(identity), sessionCookieAuthenticator(identity)];
}
