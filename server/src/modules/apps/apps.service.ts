import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { IdentityService } from '../identity/index.ts';
import { type AppCatalogueService, createAppCatalogueService } from './app-catalogue.service.ts';
import type { RequestDomainRules } from './app-profile.ts';
import { type CredentialService, createCredentialService } from './credential.service.ts';

/** What the apps services are built from (the composition root provides it). */
export interface AppsDeps {
  db: Db;
  clock: Clock;
  /** Org membership checks: IDENTITY_ORG_NOT_FOUND means "not a member"; operators need the org to exist. */
  orgs: Pick<IdentityService, 'requireOrgRole' | 'getOrg'>;
  /** Loosened only in demo mode, for a merchant server on this machine. */
  requestDomainRules?: RequestDomainRules;
  /** Why the platform will not send webhooks to a URL (null: it will); checked when one is set. */
  webhookUrlProblem?: (url: string) => string | null;
}

/**
 * Apps and their credentials. Other modules call this interface, never the app tables.
 *
 * @example
 * const app = await apps.requireActive(appid); // refuses unknown and taken-down apps
 */
export interface AppsService extends AppCatalogueService, CredentialService {}

export function createAppsService(deps: AppsDeps): AppsService {
  return { ...createAppCatalogueService(deps), ...createCredentialService(deps) };
}
