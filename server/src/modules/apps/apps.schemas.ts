import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import { z } from 'zod';
import { type Principal, requireAccount } from '../../http/access.ts';
import type { AppCaller } from './app.model.ts';
import { type App, type AuditEntry, privacyScopes } from './app.model.ts';
import { industryCategoryIds } from './industry-categories.ts';

/** HTTP shapes of the apps routes (snake_case on the wire). */
export const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });
export const orgParam = z.strictObject({ orgId: z.string().min(1).max(64) });

const privacyJson = z.strictObject({
  scope: z.enum(privacyScopes),
  reason: z.string().trim().min(1).max(200),
});

/** Every editable field; creation requires name and category, an update any subset. */
export const profileFields = {
  name: z.string().trim().min(1).max(64),
  icon_url: z.string().max(2048).nullable(),
  description: z.string().max(1000),
  category: z.enum(industryCategoryIds),
  request_domains: z.array(z.string().max(253 + 8)).max(50),
  webhook_url: z.string().max(2048).nullable(),
  privacy: z.array(privacyJson).max(privacyScopes.length),
};

export const createAppBody = z.strictObject({
  name: profileFields.name,
  category: profileFields.category,
  icon_url: profileFields.icon_url.optional(),
  description: profileFields.description.optional(),
  request_domains: profileFields.request_domains.optional(),
  webhook_url: profileFields.webhook_url.optional(),
  privacy: profileFields.privacy.optional(),
});
export const updateAppBody = z.strictObject(profileFields).partial();

export const appJson = z.object({
  appid: z.string(),
  org_id: z.string(),
  name: z.string(),
  icon_url: z.string().nullable(),
  description: z.string(),
  category: z.string(),
  request_domains: z.array(z.string()),
  webhook_url: z.string().nullable(),
  privacy: z.array(z.object({ scope: z.string(), reason: z.string() })),
  status: z.enum(['active', 'taken_down']),
  takedown_reason: z.string().nullable(),
  created_by: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
});
// The consoles read this shape from @plaza/api-types: the schema must describe it exactly.
const sameApp: SameShape<z.infer<typeof appJson>, Console.ConsoleApp> = true;
void sameApp;

export const categoryJson = z.object({
  id: z.string(),
  name: z.string(),
  commission_bps: z.number(),
  capabilities: z.array(z.string()),
});
const sameCategory: SameShape<z.infer<typeof categoryJson>, Console.AppCategory> = true;
void sameCategory;

export const auditJson = z.object({
  id: z.string(),
  actor: z.object({ kind: z.enum(['account', 'operator', 'system']), id: z.string().nullable() }),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  created_at: z.number(),
});
const sameAudit: SameShape<z.infer<typeof auditJson>, Console.AppAuditEntry> = true;
void sameAudit;

export function toAppJson(app: App): z.infer<typeof appJson> {
  return {
    appid: app.appid,
    org_id: app.orgId,
    name: app.name,
    icon_url: app.iconUrl,
    description: app.description,
    category: app.category,
    request_domains: app.requestDomains,
    webhook_url: app.webhookUrl,
    privacy: app.privacy,
    status: app.status,
    takedown_reason: app.takedownReason,
    created_by: app.createdBy,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
  };
}

export function toAuditJson(entry: AuditEntry): z.infer<typeof auditJson> {
  return {
    id: entry.id,
    actor: entry.actor,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    created_at: entry.createdAt,
  };
}

/** The console account calling (routes declare `developer`/`operator` access, so one is present). */
export function appCaller(request: { principal: Principal }): AppCaller {
  const { accountId, operator } = requireAccount(request);
  return { accountId, operator };
}
