import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db, Trx } from '../../db/database.ts';
import { runTransaction } from '../../db/transaction.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import { type IdentityService, identityErrors, type OrgRole } from '../identity/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import type { Caller } from './industries.model.ts';

export interface IndustriesOptions {
  /** How many days before a qualification ends its org is told (webhook and notice). */
  noticeDays: number;
  /** The largest scan in bytes. */
  scanBytes: number;
  /** How often the background sweep looks for qualifications ending. */
  sweepEveryMs: number;
}

export const defaultIndustriesOptions: IndustriesOptions = {
  noticeDays: 30,
  scanBytes: 5 * 1024 * 1024,
  sweepEveryMs: 3600_000,
};

export interface IndustriesDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  jobs: Pick<JobQueue, 'enqueue' | 'register'>;
  apps: Pick<AppsService, 'get' | 'requireRole' | 'listForOrg'>;
  orgs: Pick<IdentityService, 'requireOrgRole' | 'getOrg'>;
  webhooks: Pick<WebhooksService, 'enqueueEvent'>;
  /** The industries app profiles declare: their nodes of the tree may not be deleted. */
  profileIndustries: readonly string[];
  options?: Partial<IndustriesOptions>;
}

/** The platform itself, acting on an org's apps (the sweep's announcements). */
export const platformCaller: Caller = { accountId: 'platform', operator: true };

/** What the parts of the industries service share. */
export function industriesContext(deps: IndustriesDeps) {
  const options: IndustriesOptions = { ...defaultIndustriesOptions, ...deps.options };
  return {
    ...deps,
    options,
    transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      return runTransaction(deps.db, work);
    },
    /**
     * A member with at least `role`, or an operator when `operatorMay`; a stranger is told
     * the org does not exist, as everywhere else.
     */
    async requireOrg(caller: Caller, orgId: string, role: OrgRole, operatorMay: boolean): Promise<void> {
      if (caller.operator && operatorMay) {
        if (!(await deps.orgs.getOrg(orgId))) throw identityErrors.ORG_NOT_FOUND({ org_id: orgId });
        return;
      }
      await deps.orgs.requireOrgRole(caller.accountId, orgId, role);
    },
  };
}

export type IndustriesContext = ReturnType<typeof industriesContext>;
