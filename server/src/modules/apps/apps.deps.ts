import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { IdentityService } from '../identity/index.ts';
import type { RequestDomainRules } from './app-profile.ts';

/** What the apps services are built from (the composition root provides it). */
export interface AppsDeps {
  db: Db;
  clock: Clock;
  /** Org membership checks: a 404-status refusal means "not a member"; operators need the org to exist. */
  orgs: Pick<IdentityService, 'requireOrgRole' | 'getOrg'>;
  /** Loosened only in demo mode, for a merchant server on this machine. */
  requestDomainRules?: RequestDomainRules;
  /** Why the platform will not send webhooks to a URL (null: it will); checked when one is set. */
  webhookUrlProblem?: (url: string) => string | null;
}

/** A signed-in console account acting on apps. */
export interface AppCaller {
  accountId: string;
  operator: boolean;
}
