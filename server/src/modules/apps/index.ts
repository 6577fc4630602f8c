/**
 * Apps (mini programs) of an org: profile, industry, request domains, privacy declaration,
 * status; their secrets, client tokens, webhook signing secret and audit log.
 */
export type {
  Actor,
  App,
  AppCaller,
  AppProfile,
  AuditEntry,
  PrivacyDeclaration,
  PrivacyScope,
} from './app.model.ts';
export { privacyScopes } from './app.model.ts';
export type { AppCatalogueService, CreatedApp } from './app-catalogue.service.ts';
export { credentialHash } from './app-credentials.ts';
export { checkedUrl, type RequestDomainRules, requestDomainOrigin } from './app-profile.ts';
export { appsPlugin } from './apps.plugin.ts';
export { appCaller } from './apps.schemas.ts';
export { type AppsDeps, type AppsService, createAppsService } from './apps.service.ts';
export type { AppStatus, AppTables } from './apps.table.ts';
export { clientTokenAuthenticator } from './client-token.authenticator.ts';
export { appCredentialFields } from './client-token.routes.ts';
export {
  type ClientToken,
  type CredentialService,
  clientTokenLifetimeMs,
  credentialThrottle,
  type RotatedSecret,
} from './credential.service.ts';
export { appErrors } from './errors.ts';
export {
  type Capability,
  capabilities,
  type IndustryCategory,
  industryCategories,
  industryCategory,
} from './industry-categories.ts';
export { appsMigrations } from './migrations/index.ts';
