/**
 * Identity: the three kinds of principal every other module relies on.
 *
 * - operators (the first one created through the one-time setup link printed at start),
 * - developer accounts and their orgs (roles owner > admin > developer > viewer),
 * - end users of the super app, signed in by phone and one-time code.
 *
 * Other modules take the `IdentityService` from the composition root and authorise with
 * it, never by reading the identity tables:
 *
 * @example
 * const { org, role } = await identity.requireOrgRole(principal.accountId, orgId, 'developer');
 * // non-member → IDENTITY_ORG_NOT_FOUND (404), role too low → IDENTITY_ORG_ROLE_TOO_LOW (403)
 */
export type { NewAccount, OperatorSetup } from './account.service.ts';
export { identityAuthenticators } from './authenticators.ts';
export { identityErrors } from './errors.ts';
export type {
  Account,
  EndUser,
  Org,
  OrgInvitation,
  OrgMember,
  OrgMembership,
  SessionGrant,
} from './identity.model.ts';
export { type IdentityPluginOptions, identityPlugin } from './identity.plugin.ts';
export { createIdentityService, type IdentityService } from './identity.service.ts';
export type { IdentityTables, OrgRole } from './identity.table.ts';
export type { IdentityDeps } from './identity-context.ts';
export { identityMigrations } from './migrations/index.ts';
export type { AddMemberResult, OrgDetail } from './org.service.ts';
export { createDevOtpSender, type DevOtpSender, type OtpMessage, type OtpSender } from './otp-sender.ts';
export { identityPersonalData } from './personal-data.ts';
export { orgRoles, roleAtLeast } from './roles.ts';
export { sessionCookieNames } from './session-cookies.ts';
