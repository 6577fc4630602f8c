/**
 * Who is calling: what the authenticators resolve a request to. Below HTTP and the
 * modules, so a service can name a principal without depending on the HTTP layer;
 * `http/access.ts` decides from it what a request may do.
 */
export type UserPrincipal = {
  kind: 'user';
  userId: string;
  sessionId: string;
  via: 'cookie' | 'bearer';
  csrfToken?: string;
};
export type AccountPrincipal = {
  kind: 'account';
  accountId: string;
  operator: boolean;
  sessionId: string;
  via: 'cookie' | 'bearer';
  csrfToken?: string;
};
export type AppPrincipal = { kind: 'app'; appId: string; tokenId: string };
/** What a live session stands for: an end user or a console account. */
export type SessionPrincipal = UserPrincipal | AccountPrincipal;
export type Principal = { kind: 'anonymous' } | SessionPrincipal | AppPrincipal;
