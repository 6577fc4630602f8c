import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { defineJob, type JobDefinition, PermanentJobError } from '../../../jobs/index.ts';
import { manifestOf } from '../version.model.ts';
import { findVersion, recordChecks } from '../version.repository.ts';
import type { VersionsDeps } from '../versions.service.ts';
import type { CheckReport, DomainProblem, PageCheck } from './check-report.ts';
import type { PageRun } from './page-checks.ts';
import { domainProblems, scopeProblems, UnreadableProgramError, unsupportedUsage } from './static-checks.ts';
import { programSources } from './surface-cache.ts';

export type ReviewJob = JobDefinition<{ versionId: string }>;

/**
 * The pages' checks with a screenshot of each rendered page, kept in the blob store for the
 * operator and the developer. Without a painter (no browser on this machine) the checks
 * stand without pictures; a painter that fails fails the job, which retries.
 */
async function withScreenshots(
  deps: Pick<VersionsDeps, 'pagePainter' | 'blobs'>,
  pages: PageRun[],
  signal: AbortSignal | undefined,
): Promise<PageCheck[]> {
  const painter = deps.pagePainter;
  const painted = painter ? pages.filter((p) => p.markup) : [];
  const shots =
    painter && painted.length > 0
      ? await painter(
          painted.map((p) => p.markup as string),
          signal,
        )
      : [];
  const shotOf = new Map<string, string>();
  for (const [i, page] of painted.entries()) {
    const png = shots[i];
    if (png) shotOf.set(page.path, (await deps.blobs.put(png)).sha256);
  }
  return pages.map(({ markup: _markup, ...check }) => {
    const screenshot = shotOf.get(check.path);
    return screenshot ? { ...check, screenshot } : check;
  });
}

const payload = z.object({ versionId: z.string() });

/**
 * The automated checks of a submitted version, run by a worker: the package loads, every
 * page opens without a runtime error, personal-data APIs match the declared scopes, and
 * URLs in the code stay inside the request-domain allow-list. The report is written once;
 * a repeated run finds it and stops.
 */
export function createReviewJob(deps: VersionsDeps): ReviewJob {
  return defineJob({
    type: 'versions.review',
    parse: (raw) => payload.parse(raw),
    timeoutMs: 5 * 60_000,
    async handle(job, ctx) {
      const row = await findVersion(ctx.db, job.payload.versionId);
      if (!row) throw new PermanentJobError(`version ${job.payload.versionId} does not exist`);
      if (row.check_status !== 'pending') return;
      const app = await deps.apps.get(row.app_id);
      if (!app) throw new PermanentJobError(`app ${row.app_id} does not exist`);
      const startedAt = deps.clock.now();
      const manifest = manifestOf(row);
      const { logic, view } = await programSources(deps.blobs, manifest);

      const dir = await mkdtemp(join(tmpdir(), 'plaza-review-'));
      let run: Awaited<ReturnType<VersionsDeps['pageChecker']>>;
      try {
        const archive = join(dir, 'package.tgz');
        await pipeline(deps.blobs.read(row.package_sha256), createWriteStream(archive));
        run = await deps.pageChecker(archive, ctx.signal);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const scopes = scopeProblems(
        manifest,
        view,
        app.privacy.map((p) => p.scope),
      );
      let requestDomains: DomainProblem[] = [];
      let requestDomainsError: string | undefined;
      try {
        requestDomains = domainProblems(logic, app.requestDomains);
      } catch (error) {
        if (!(error instanceof UnreadableProgramError)) throw error;
        requestDomainsError = error.message;
      }
      const pagesOk = run.pages.length > 0 && run.pages.every((p) => p.rendered && p.errors.length === 0);
      const report: CheckReport = {
        ok:
          run.load.ok &&
          pagesOk &&
          scopes.length === 0 &&
          requestDomains.length === 0 &&
          requestDomainsError === undefined,
        load: run.load,
        pages: await withScreenshots(deps, run.pages, ctx.signal),
        unsupported: unsupportedUsage(manifest),
        scopes,
        requestDomains,
        ...(requestDomainsError === undefined ? {} : { requestDomainsError }),
        startedAt,
        finishedAt: deps.clock.now(),
      };
      await recordChecks(ctx.db, row.id, {
        check_status: report.ok ? 'passed' : 'failed',
        check_report: JSON.stringify(report),
        updated_at: deps.clock.now(),
      });
    },
  });
}
