import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountPrincipal, AppPrincipal, Principal, UserPrincipal } from '../principal/index.ts';
import { httpErrors } from './errors.ts';

/**
 * Who is calling (principal/). Every route declares which audiences may call it
 * (`config: { access: ['developer'] }`); a route that declares nothing is closed to all.
 */
export type { AccountPrincipal, AppPrincipal, Principal, UserPrincipal } from '../principal/index.ts';

/*
 * Who is calling, decided here and nowhere else. A route's declared access already keeps
 * out callers it does not admit; these narrow the principal for the handler, and refuse
 * (403) when a route admits several audiences and the handler needs one of them.
 */

/** The signed-in end user. */
export function requireUser(request: { principal: Principal }): UserPrincipal {
  const p = request.principal;
  if (p.kind !== 'user') throw httpErrors.FORBIDDEN();
  return p;
}

/** The signed-in console account (developer or operator). */
export function requireAccount(request: { principal: Principal }): AccountPrincipal {
  const p = request.principal;
  if (p.kind !== 'account') throw httpErrors.FORBIDDEN();
  return p;
}

/** The signed-in console account, which must be an operator. */
export function requireOperator(request: { principal: Principal }): AccountPrincipal {
  const p = requireAccount(request);
  if (!p.operator) throw httpErrors.FORBIDDEN();
  return p;
}

/** The app calling with its own client token. */
export function requireApp(request: { principal: Principal }): AppPrincipal {
  const p = request.principal;
  if (p.kind !== 'app') throw httpErrors.FORBIDDEN();
  return p;
}

/** A console account or an app's own client token, on routes that serve both. */
export function requireAccountOrApp(request: { principal: Principal }): AccountPrincipal | AppPrincipal {
  const p = request.principal;
  if (p.kind !== 'account' && p.kind !== 'app') throw httpErrors.FORBIDDEN();
  return p;
}

/** The end user when one is signed in, on routes that also serve others. */
export function optionalUser(request: { principal: Principal }): UserPrincipal | undefined {
  const p = request.principal;
  return p.kind === 'user' ? p : undefined;
}

/** `anonymous` means public: anyone, signed in or not. */
export type Audience = 'anonymous' | 'user' | 'developer' | 'operator' | 'app';

/**
 * Turns request credentials into a principal. Returns `undefined` when the credential
 * is not its kind (another authenticator may know it) and throws when it is its kind
 * but invalid, so a forged or expired credential is a 401, never silently anonymous.
 */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    access?: readonly Audience[];
    /**
     * An open route whose mutations still read a browser session when one is present (and
     * then demand its CSRF token), e.g. feed events that count only for a signed-in user.
     * Other open mutations ignore the ambient cookie.
     */
    optionalSession?: boolean;
  }
}

const anonymous: Principal = { kind: 'anonymous' };
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function allows(access: readonly Audience[], principal: Principal): boolean {
  if (access.includes('anonymous')) return true;
  switch (principal.kind) {
    case 'anonymous':
      return false;
    case 'user':
      return access.includes('user');
    case 'account':
      return access.includes('developer') || (principal.operator && access.includes('operator'));
    case 'app':
      return access.includes('app');
  }
}

/**
 * Resolves the principal on every request and enforces the route's declared access.
 * Infrastructure: it applies to every route of the server.
 */
export function installAccessControl(
  app: FastifyInstance,
  authenticators: readonly Authenticator[],
  publicPrefixes: readonly string[],
): void {
  // Set per request below; decorated with null so Fastify keeps one object shape.
  app.decorateRequest('principal', null as never);
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    const url = route.url ?? route.path;
    // Infrastructure routes added by plugins (the docs page's assets) are public by prefix.
    const access: readonly Audience[] = publicPrefixes.some((p) => url.startsWith(p)) ? ['anonymous'] : [];
    route.config = { ...(route.config ?? {}), access };
  });
  app.addHook('onRequest', async (request) => {
    request.principal = anonymous;
    const access = request.routeOptions.config?.access;
    // The not-found handler has no declared access; it reveals nothing.
    if (!access) return;
    for (const authenticate of authenticators) {
      const principal = await authenticate(request);
      if (principal) {
        request.principal = principal;
        break;
      }
    }
    const p = request.principal;
    if (!allows(access, p)) {
      throw p.kind === 'anonymous' ? httpErrors.UNAUTHENTICATED() : httpErrors.FORBIDDEN();
    }
    // Cookie-authenticated mutations must echo the session's CSRF token in a header
    // (double submit); bearer callers are not exposed to cross-site requests.
    if (unsafeMethods.has(request.method) && 'via' in p && p.via === 'cookie') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !p.csrfToken || sent !== p.csrfToken) throw httpErrors.CSRF();
    }
  });
}

/** The bearer token of a request, if it sent one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw httpErrors.INVALID_CREDENTIALS(undefined, 'Authorization must be "Bearer <token>"');
  return match[1];
}
