import type { OperatorJob } from '@plaza/api-types/console';
import { consoleApi } from '../console/kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, useAction } from '../console/kit/layout.tsx';
import { useLoad } from '../console/kit/use-load.ts';

interface FairnessFigures {
  providers: number;
  exposure_gini: number;
  new_providers: number;
  new_provider_reach_share: number;
  exploration_share: number;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The machinery that needs a decision (dead jobs) and the feed's fairness figures. */
export function OperationsPage() {
  const jobs = useLoad(
    () => consoleApi<{ jobs: OperatorJob[] }>('GET', '/api/operator/jobs?state=dead').then((r) => r.jobs),
    'jobs',
  );
  const fairness = useLoad(
    () => consoleApi<FairnessFigures>('GET', '/api/operator/recommendation/fairness'),
    'fairness',
  );
  return (
    <>
      <h1>Operations</h1>
      <section className="card" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Dead jobs</h2>
        <ErrorNote error={jobs.error} />
        {!jobs.data ? (
          <Skeleton />
        ) : jobs.data.length === 0 ? (
          <p className="muted">No job has given up.</p>
        ) : (
          <table className="grid" aria-label="Dead jobs">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Last error</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Gave up</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((j) => (
                <JobRow key={j.id} job={j} onChanged={jobs.reload} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="fairness-title">
        <h2 id="fairness-title">Feed fairness</h2>
        <ErrorNote error={fairness.error} />
        {!fairness.data ? (
          <Skeleton />
        ) : (
          <dl className="op-figures">
            <div>
              <dt>Providers shown</dt>
              <dd>{fairness.data.providers}</dd>
            </div>
            <div>
              <dt>Exposure Gini (0 even, 1 one provider)</dt>
              <dd>{fairness.data.exposure_gini.toFixed(3)}</dd>
            </div>
            <div>
              <dt>New providers</dt>
              <dd>{fairness.data.new_providers}</dd>
            </div>
            <div>
              <dt>Reach of new providers</dt>
              <dd>{percent(fairness.data.new_provider_reach_share)}</dd>
            </div>
            <div>
              <dt>Exploration share</dt>
              <dd>{percent(fairness.data.exploration_share)}</dd>
            </div>
          </dl>
        )}
      </section>
    </>
  );
}

function JobRow({ job: j, onChanged }: { job: OperatorJob; onChanged(): void }) {
  const { busy, error, run } = useAction();
  const act = async (method: 'POST' | 'DELETE', path: string) => {
    if (await run(() => consoleApi(method, path))) onChanged();
  };
  return (
    <tr>
      <td>
        <code>{j.type}</code>
        <div className="muted">
          <code>{j.id}</code>
        </div>
      </td>
      <td className="op-error">{j.last_error ?? '—'}</td>
      <td className="num">
        {j.attempts} / {j.max_attempts}
      </td>
      <td>{formatTime(j.finished_at ?? j.updated_at)}</td>
      <td>
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => void act('POST', `/api/operator/jobs/${j.id}/retry`)}
          >
            Retry
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void act('DELETE', `/api/operator/jobs/${j.id}`)}
          >
            Discard
          </button>
        </div>
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
