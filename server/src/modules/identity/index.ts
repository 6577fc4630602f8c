export type { NewAccount, OperatorSetup } from './account.service.ts';
export { identityAuthenticators } from './authenticators.ts';
export { identityErrors } from './errors.ts';
export type { IdentityDeps } from './identity.deps.ts';
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
export { identityMigrations } from './migrations/index.ts';
export type { AddMemberResult, OrgDetail } from './org.service.ts';
export { createDevOtpSender, type DevOtpSender, type OtpMessage, type OtpSender } from './otp-sender.ts';
export { orgRoles, roleAtLeast } from './roles.ts';
export { sessionCookieNames } from './session-cookies.ts';
