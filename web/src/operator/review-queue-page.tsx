import type { QueuedVersion } from '@plaza/api-types/console';
import { consoleApi } from '../console/kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, StatusBadge } from '../console/kit/layout.tsx';
import { Link } from '../console/kit/router.tsx';
import { useLoad } from '../console/kit/use-load.ts';
import { CheckReportView } from '../console/versions/check-report-view.tsx';
import { ReviewDecision } from './review-decision.tsx';
import { PageScreenshots, SurfaceDiff } from './review-evidence.tsx';

/** Versions waiting for review, oldest submission first, each with its checks and a decision. */
export function ReviewQueuePage() {
  const queue = useLoad(
    () => consoleApi<{ versions: QueuedVersion[] }>('GET', '/api/review/versions').then((r) => r.versions),
    'queue',
  );
  return (
    <>
      <h1>Review queue</h1>
      <ErrorNote error={queue.error} />
      {!queue.data ? (
        <Skeleton rows={4} />
      ) : queue.data.length === 0 ? (
        <p className="muted">Nothing waits for review.</p>
      ) : (
        queue.data.map((v) => (
          <article key={v.id} className="card" aria-labelledby={`review-${v.id}`}>
            <h2 id={`review-${v.id}`}>
              {v.app_name} {v.version}
            </h2>
            <p className="muted">
              <Link to={`/operator/apps/${v.appid}`}>{v.appid}</Link> · category {v.app_category} · submitted{' '}
              {formatTime(v.submitted_at)} · checks <StatusBadge status={v.checks?.status ?? 'pending'} />
            </p>
            {v.description ? <p>{v.description}</p> : null}
            <SurfaceDiff version={v} />
            {v.checks?.report ? (
              <>
                <PageScreenshots version={v} />
                <CheckReportView report={v.checks.report} />
              </>
            ) : (
              <p className="muted">The checks are still running.</p>
            )}
            <ReviewDecision version={v} onDecided={queue.reload} />
          </article>
        ))
      )}
    </>
  );
}
