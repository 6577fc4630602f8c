import type { Audience } from '../../src/http/access.ts';
import { accounts, type OrgRole, orgRoles, principals, type Who } from './principals.ts';

/**
 * What one principal gets from one route:
 * - `ok`: a success (2xx/3xx);
 * - `pass`: past authorisation — a success or a validation/domain error, never a denial;
 * - 401, 403, 404: denied (not signed in; the wrong kind or role; an object hidden from a stranger);
 * - `{ status, code }`: exactly this refusal (a domain rule that also keeps strangers out).
 */
export type Expect = 'ok' | 'pass' | 401 | 403 | 404 | { status: number; code: string };

export type Cells = Record<Who, Expect>;

/** Error codes that mean "you may not", as opposed to "this request is wrong". */
export const denialCodes = new Set([
  'HTTP_UNAUTHENTICATED',
  'HTTP_FORBIDDEN',
  'HTTP_CSRF',
  'IDENTITY_ORG_ROLE_TOO_LOW',
  'IDENTITY_OWNER_REQUIRED',
]);

export function isDenial(e: Expect): boolean {
  return e === 401 || e === 403 || e === 404 || (typeof e === 'object' && e.status >= 400);
}

/** Why the reply does not meet the expectation, or undefined when it does. */
export function mismatch(e: Expect, status: number, code: string | undefined): string | undefined {
  const got = `${status}${code ? ` ${code}` : ''}`;
  if (e === 'ok') return status < 400 ? undefined : `expected success, got ${got}`;
  if (e === 'pass') {
    if (status < 400) return undefined;
    if (status === 404 || (code !== undefined && denialCodes.has(code)) || status === 401)
      return `expected to pass authorisation, got ${got}`;
    return undefined;
  }
  if (typeof e === 'number') {
    if (status !== e) return `expected ${e}, got ${got}`;
    if (e === 401 && code !== 'HTTP_UNAUTHENTICATED') return `expected HTTP_UNAUTHENTICATED, got ${got}`;
    if (e === 403 && !(code && denialCodes.has(code))) return `expected a denial code, got ${got}`;
    return undefined;
  }
  return status === e.status && code === e.code ? undefined : `expected ${e.status} ${e.code}, got ${got}`;
}

/**
 * The cells that follow from a route's declared audiences alone: the kinds it admits
 * succeed, everyone else is refused at the door (401 when not signed in, 403 otherwise).
 * Rows then override the cells where ownership decides.
 */
export function audience(...admitted: Audience[]): Cells {
  const cells = {} as Cells;
  for (const who of principals) {
    const kind: Audience = accounts.includes(who)
      ? 'developer'
      : who === 'user' || who === 'otherUser'
        ? 'user'
        : who === 'anonymous'
          ? 'anonymous'
          : 'app';
    const allowed =
      admitted.includes('anonymous') ||
      admitted.includes(kind) ||
      (who === 'operator' && admitted.includes('operator'));
    cells[who] = allowed ? 'ok' : who === 'anonymous' ? 401 : 403;
  }
  return cells;
}

/** A public route: everyone gets the same answer. */
export function everyone(e: Expect = 'ok'): Cells {
  return Object.fromEntries(principals.map((who) => [who, e])) as Cells;
}

/**
 * A console route on an object of org A needing at least `min`: lower roles get 403, a
 * developer of another org 404 (the object's existence is not revealed), operators may read.
 */
export function orgConsole(
  min: OrgRole,
  options: { admitApp?: boolean; operatorReads?: boolean; allowed?: Expect } = {},
): Cells {
  const cells = options.admitApp ? audience('developer', 'app') : audience('developer');
  const allowed = options.allowed ?? 'ok';
  for (const role of orgRoles) cells[role] = orgRoles.indexOf(role) >= orgRoles.indexOf(min) ? allowed : 403;
  cells.otherOrg = 404;
  cells.operator = min === 'viewer' && options.operatorReads !== false ? allowed : 404;
  if (options.admitApp) {
    cells.appToken = allowed;
    cells.otherApp = 404;
  }
  return cells;
}

/** A merchant-server route on an object of app A: app B's token is told it does not exist. */
export function merchantOwn(allowed: Expect = 'ok'): Cells {
  return { ...audience('app'), appToken: allowed, otherApp: 404 };
}

/** A route for the signed-in end user on their own object: the other user finds nothing. */
export function userOwn(allowed: Expect = 'ok', stranger: Expect = 404): Cells {
  return { ...audience('user'), user: allowed, otherUser: stranger };
}
