import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import { z } from 'zod';
import { type Principal, requireAccountOrApp } from '../../http/access.ts';
import type { ReleaseState } from './release.service.ts';
import type { Version, VersionCaller } from './version.model.ts';
import type { QueuedVersion } from './version-catalogue.service.ts';

/** HTTP shapes of the versions routes (snake_case on the wire). */
export const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });
export const versionParams = z.strictObject({
  appid: z.string().min(1).max(64),
  versionId: z.string().min(1).max(64),
});
export const reviewParams = z.strictObject({ versionId: z.string().min(1).max(64) });

export const uploadQuery = z.strictObject({
  version: z.string().max(40).optional(),
  description: z.string().max(2000).optional(),
});

export const releaseBody = z.strictObject({
  version_id: z.string().min(1).max(64),
  /** Share of users (1–100) who get this version; the rest keep the previous full release. */
  percentage: z.number().int().min(1).max(100).default(100),
});

export const rejectBody = z.strictObject({ reasons: z.array(z.string().max(1000)).min(1).max(20) });

const pageError = z.object({
  source: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});

const checkReportJson = z.object({
  ok: z.boolean(),
  load: z.object({ ok: z.boolean(), error: z.string().optional() }),
  pages: z.array(
    z.object({
      path: z.string(),
      rendered: z.boolean(),
      ms: z.number(),
      errors: z.array(pageError),
      screenshot: z.string().optional(),
    }),
  ),
  unsupported: z.object({ apis: z.array(z.string()), components: z.array(z.string()) }),
  scopes: z.array(z.object({ api: z.string(), scope: z.string() })),
  request_domains: z.array(
    z.object({
      url: z.string(),
      origin: z.string(),
      file: z.string().optional(),
      line: z.number().optional(),
    }),
  ),
  request_domains_error: z.string().optional(),
  started_at: z.number(),
  finished_at: z.number(),
});

export const versionJson = z.object({
  id: z.string(),
  version: z.string(),
  description: z.string(),
  status: z.enum(['uploaded', 'in_review', 'approved', 'rejected', 'released', 'rolled_back']),
  package: z.object({ sha256: z.string(), bytes: z.number() }),
  sizes: z.object({ main: z.number(), subpackages: z.record(z.string(), z.number()), total: z.number() }),
  uploaded_by: z.object({ kind: z.enum(['account', 'app']), id: z.string() }),
  checks: z
    .object({ status: z.enum(['pending', 'passed', 'failed']), report: checkReportJson.nullable() })
    .nullable(),
  review_reasons: z.array(z.string()).nullable(),
  reviewed_by: z.string().nullable(),
  created_at: z.number(),
  submitted_at: z.number().nullable(),
  reviewed_at: z.number().nullable(),
  released_at: z.number().nullable(),
});

const listChangeJson = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

export const queuedVersionJson = versionJson.extend({
  appid: z.string(),
  app_name: z.string(),
  app_category: z.string(),
  changes: z.object({
    against: z.string().nullable(),
    pages: listChangeJson,
    scopes: listChangeJson,
    domains: listChangeJson.nullable(),
  }),
});

export const screenshotParams = versionParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const releaseJson = z.object({
  version: versionJson,
  base: versionJson.nullable(),
  percentage: z.number(),
});

// The consoles read these shapes from @plaza/api-types: the schemas must describe them exactly.
const pinned: [
  SameShape<z.infer<typeof versionJson>, Console.AppVersion>,
  SameShape<z.infer<typeof queuedVersionJson>, Console.QueuedVersion>,
  SameShape<z.infer<typeof releaseJson>, Console.ReleaseState>,
] = [true, true, true];
void pinned;

export function toVersionJson(v: Version): z.infer<typeof versionJson> {
  const report = v.checks?.report;
  return {
    id: v.id,
    version: v.version,
    description: v.description,
    status: v.status,
    package: { sha256: v.packageSha256, bytes: v.packageBytes },
    sizes: v.sizes,
    uploaded_by: v.uploadedBy,
    checks: v.checks && {
      status: v.checks.status,
      report: report
        ? {
            ok: report.ok,
            load: report.load,
            pages: report.pages,
            unsupported: report.unsupported,
            scopes: report.scopes,
            request_domains: report.requestDomains,
            ...(report.requestDomainsError === undefined
              ? {}
              : { request_domains_error: report.requestDomainsError }),
            started_at: report.startedAt,
            finished_at: report.finishedAt,
          }
        : null,
    },
    review_reasons: v.reviewReasons,
    reviewed_by: v.reviewedBy,
    created_at: v.createdAt,
    submitted_at: v.submittedAt,
    reviewed_at: v.reviewedAt,
    released_at: v.releasedAt,
  };
}

export function toQueuedJson(v: QueuedVersion): z.infer<typeof queuedVersionJson> {
  return {
    ...toVersionJson(v),
    appid: v.appid,
    app_name: v.appName,
    app_category: v.appCategory,
    changes: v.changes,
  };
}

export function toReleaseJson(state: ReleaseState): z.infer<typeof releaseJson> {
  return {
    version: toVersionJson(state.version),
    base: state.base && toVersionJson(state.base),
    percentage: state.percentage,
  };
}

/** The console account or the app's own client token acting on versions. */
export function versionCaller(request: { principal: Principal }): VersionCaller {
  const p = requireAccountOrApp(request);
  return p.kind === 'app'
    ? { kind: 'app', appId: p.appId }
    : { kind: 'account', accountId: p.accountId, operator: p.operator };
}
