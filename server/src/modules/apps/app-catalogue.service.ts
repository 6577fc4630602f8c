import { newId } from '../../db/ids.ts';
import { identityErrors, type OrgRole } from '../identity/index.ts';
import {
  type App,
  type AppCaller,
  type AppProfile,
  type AuditEntry,
  profileOf,
  toApp,
  toAuditEntry,
} from './app.model.ts';
import { findAppByAppid, findAppById, insertApp, listAppsOfOrg, updateApp } from './app.repository.ts';
import { appForCaller } from './app-access.ts';
import { actorOf, changedFields, recordAudit } from './app-audit.ts';
import { newAppid, newAppSecret, newWebhookSecret } from './app-credentials.ts';
import { checkedProfile } from './app-profile.ts';
import { addAppSecret } from './app-secret.repository.ts';
import type { AppsDeps } from './apps.service.ts';
import type { AppRow } from './apps.table.ts';
import { listAudit } from './audit.repository.ts';
import { appErrors } from './errors.ts';

/** What creating an app returns: the secret is shown here once and never again. */
export interface CreatedApp {
  app: App;
  secret: string;
  webhookSecret: string;
}

/** The apps themselves: creation, profile, status and audit log, each checked against the caller's role. */
export interface AppCatalogueService {
  create(caller: AppCaller, orgId: string, input: AppProfile): Promise<CreatedApp>;
  listForOrg(caller: AppCaller, orgId: string): Promise<App[]>;
  getForCaller(caller: AppCaller, appid: string): Promise<App>;
  update(caller: AppCaller, appid: string, patch: Partial<AppProfile>): Promise<App>;
  audit(caller: AppCaller, appid: string, page?: { before?: string; limit?: number }): Promise<AuditEntry[]>;
  takeDown(operatorId: string, appid: string, reason: string): Promise<App>;
  reinstate(operatorId: string, appid: string): Promise<App>;
  get(appId: string): Promise<App | undefined>;
  findByAppid(appid: string): Promise<App | undefined>;
  requireActive(appid: string): Promise<App>;
  requireRole(caller: AppCaller, appid: string, minimumRole: OrgRole): Promise<App>;
}

export function createAppCatalogueService(deps: AppsDeps): AppCatalogueService {
  const { db, clock } = deps;

  async function setStatus(
    operatorId: string,
    appid: string,
    status: AppRow['status'],
    reason: string | null,
  ): Promise<App> {
    return db.transaction().execute(async (trx) => {
      const row = await findAppByAppid(trx, appid);
      if (!row) throw appErrors.NOT_FOUND({ appid });
      if (row.status === status) throw appErrors.ALREADY_IN_STATUS({ status });
      const now = clock.now();
      await updateApp(trx, row.id, { status, takedown_reason: reason, updated_at: now });
      await recordAudit(trx, {
        appId: row.id,
        actor: { kind: 'operator', id: operatorId },
        action: status === 'taken_down' ? 'app.taken_down' : 'app.reinstated',
        before: { status: row.status, takedown_reason: row.takedown_reason },
        after: { status, takedown_reason: reason },
        at: now,
      });
      return toApp({ ...row, status, takedown_reason: reason, updated_at: now });
    });
  }

  function checkWebhookTarget(url: string | null): void {
    const reason = url === null ? null : (deps.webhookUrlProblem?.(url) ?? null);
    if (reason !== null) throw appErrors.WEBHOOK_TARGET_REFUSED({ field: 'webhook_url', reason });
  }

  return {
    /** Creates an app in an org (role ≥ developer) with its first secret and webhook signing secret. */
    async create(caller: AppCaller, orgId: string, input: AppProfile): Promise<CreatedApp> {
      await deps.orgs.requireOrgRole(caller.accountId, orgId, 'developer');
      const profile = checkedProfile(input, deps.requestDomainRules);
      checkWebhookTarget(profile.webhookUrl);
      const now = clock.now();
      const { secret, hash } = newAppSecret();
      const webhookSecret = newWebhookSecret();
      const row: AppRow = {
        id: newId('app'),
        appid: newAppid(),
        org_id: orgId,
        name: profile.name,
        icon_url: profile.iconUrl,
        description: profile.description,
        category: profile.category,
        request_domains: JSON.stringify(profile.requestDomains),
        webhook_url: profile.webhookUrl,
        privacy: JSON.stringify(profile.privacy),
        status: 'active',
        takedown_reason: null,
        webhook_secret: webhookSecret,
        previous_webhook_secret: null,
        previous_webhook_secret_until: null,
        created_by: caller.accountId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await insertApp(trx, row);
        await addAppSecret(trx, row.id, hash, now);
        await recordAudit(trx, {
          appId: row.id,
          actor: actorOf(caller),
          action: 'app.created',
          after: profile,
          at: now,
        });
      });
      return { app: toApp(row), secret, webhookSecret };
    },

    async listForOrg(caller: AppCaller, orgId: string): Promise<App[]> {
      if (!caller.operator) await deps.orgs.requireOrgRole(caller.accountId, orgId, 'viewer');
      // An operator may list any org's apps, but an org that does not exist is a 404, not an empty list.
      else if (!(await deps.orgs.getOrg(orgId))) throw identityErrors.ORG_NOT_FOUND({ org_id: orgId });
      return (await listAppsOfOrg(db, orgId)).map(toApp);
    },

    /** An app as a member of its org (any role) or an operator sees it. */
    async getForCaller(caller: AppCaller, appid: string): Promise<App> {
      return toApp(await appForCaller(deps, caller, appid, 'viewer'));
    },

    /** Changes the profile (role ≥ developer); only the fields given change. */
    async update(caller: AppCaller, appid: string, patch: Partial<AppProfile>): Promise<App> {
      const current = toApp(await appForCaller(deps, caller, appid, 'developer'));
      const before = profileOf(current);
      const after = checkedProfile({ ...before, ...patch }, deps.requestDomainRules);
      // Only a URL being set is judged: a stored one never blocks an unrelated edit.
      if (patch.webhookUrl !== undefined) checkWebhookTarget(after.webhookUrl);
      const diff = changedFields(before, after);
      if (Object.keys(diff.after).length === 0) return current;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updateApp(trx, current.id, {
          name: after.name,
          icon_url: after.iconUrl,
          description: after.description,
          category: after.category,
          request_domains: JSON.stringify(after.requestDomains),
          webhook_url: after.webhookUrl,
          privacy: JSON.stringify(after.privacy),
          updated_at: now,
        });
        await recordAudit(trx, {
          appId: current.id,
          actor: actorOf(caller),
          action: 'app.updated',
          ...diff,
          at: now,
        });
      });
      return { ...current, ...after, updatedAt: now };
    },

    /** The audit log, newest first (any member of the org). */
    async audit(
      caller: AppCaller,
      appid: string,
      page: { before?: string; limit?: number } = {},
    ): Promise<AuditEntry[]> {
      const row = await appForCaller(deps, caller, appid, 'viewer');
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
      return (await listAudit(db, row.id, { ...page, limit })).map(toAuditEntry);
    },

    /** An operator takes an app down: its tokens, logins and callbacks stop until reinstated. */
    takeDown(operatorId: string, appid: string, reason: string): Promise<App> {
      return setStatus(operatorId, appid, 'taken_down', reason);
    },

    reinstate(operatorId: string, appid: string): Promise<App> {
      return setStatus(operatorId, appid, 'active', null);
    },

    async get(appId: string): Promise<App | undefined> {
      const row = await findAppById(db, appId);
      return row && toApp(row);
    },

    async findByAppid(appid: string): Promise<App | undefined> {
      const row = await findAppByAppid(db, appid);
      return row && toApp(row);
    },

    /** The app behind a public appid, refusing unknown and taken-down apps (the super app's view). */
    async requireActive(appid: string): Promise<App> {
      const row = await findAppByAppid(db, appid);
      if (!row) throw appErrors.NOT_FOUND({ appid });
      if (row.status !== 'active') throw appErrors.TAKEN_DOWN({ appid });
      return toApp(row);
    },

    /** Like `getForCaller` with a minimum role, for other modules' console routes on an app. */
    async requireRole(caller: AppCaller, appid: string, minimumRole: OrgRole): Promise<App> {
      return toApp(await appForCaller(deps, caller, appid, minimumRole));
    },
  };
}
