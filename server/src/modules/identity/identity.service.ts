import { createAccountService, loginPolicy, type NewAccount, type OperatorSetup } from './account.service.ts';
import { createEndUserService, otpPolicy } from './end-user.service.ts';
import { purgeExpiredRows } from './expired-rows.repository.ts';
import type { Account, EndUser, Org, OrgMembership, SessionGrant } from './identity.model.ts';
import type { OrgRole } from './identity.table.ts';
import type { IdentityDeps } from './identity-context.ts';
import { type AddMemberResult, createOrgService, type OrgDetail } from './org.service.ts';
import { createSessionService, type SessionPrincipal } from './session.service.ts';

/**
 * People and organizations of the platform. Other modules call this interface, never
 * the identity tables.
 *
 * @example
 * const { org, role } = await identity.requireOrgRole(principal.accountId, orgId, 'developer');
 */
export interface IdentityService {
  // Operators
  prepareOperatorSetup(): Promise<OperatorSetup | undefined>;
  completeOperatorSetup(token: string, input: NewAccount): Promise<Account>;
  // Developer accounts
  signUp(input: NewAccount): Promise<Account>;
  signIn(email: string, password: string): Promise<{ account: Account; session: SessionGrant }>;
  getAccount(id: string): Promise<Account | undefined>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
  // Sessions (accounts and end users)
  resolveSession(token: string, via: 'cookie' | 'bearer'): Promise<SessionPrincipal | undefined>;
  endSession(sessionId: string): Promise<void>;
  // Orgs
  createOrg(accountId: string, name: string): Promise<OrgMembership>;
  getOrg(orgId: string): Promise<Org | undefined>;
  getOrgRole(accountId: string, orgId: string): Promise<OrgRole | undefined>;
  listOrgsOf(accountId: string): Promise<OrgMembership[]>;
  getOrgDetail(accountId: string, orgId: string): Promise<OrgDetail>;
  /** Throws IDENTITY_ORG_NOT_FOUND (404) for non-members, IDENTITY_ORG_ROLE_TOO_LOW (403) for a low role. */
  requireOrgRole(accountId: string, orgId: string, minimumRole: OrgRole): Promise<OrgMembership>;
  addMember(actorId: string, orgId: string, email: string, role: OrgRole): Promise<AddMemberResult>;
  changeRole(actorId: string, orgId: string, accountId: string, role: OrgRole): Promise<void>;
  removeMember(actorId: string, orgId: string, accountId: string): Promise<void>;
  cancelInvitation(actorId: string, orgId: string, email: string): Promise<void>;
  // End users of the super app
  requestOtp(phone: string, ip: string): Promise<{ expiresAt: number; resendAfter: number }>;
  signInWithOtp(phone: string, code: string): Promise<{ user: EndUser; session: SessionGrant }>;
  getUser(id: string): Promise<EndUser | undefined>;
  // Housekeeping
  /** Deletes rows no rule needs any more (dead sessions, old codes, lapsed lockouts). */
  purgeExpired(): Promise<number>;
}

const day = 24 * 3600_000;

export function createIdentityService(deps: IdentityDeps): IdentityService {
  const sessions = createSessionService(deps);
  return {
    ...createAccountService(deps, sessions),
    ...createOrgService(deps),
    ...createEndUserService(deps, sessions),
    resolveSession: sessions.resolve,
    endSession: sessions.end,
    purgeExpired: () => {
      const now = deps.clock.now();
      return purgeExpiredRows(deps.db, now, {
        // A day of grace keeps a just-expired session explainable in logs and support.
        sessions: now - day,
        otps: now - otpPolicy.windowMs,
        setupTokens: now - day,
        loginThrottles: now - loginPolicy.windowMs,
      });
    },
  };
}
