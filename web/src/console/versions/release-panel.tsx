import type { ReleaseState } from '@plaza/api-types/console';
import { useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, useAction } from '../kit/layout.tsx';

/** What users get: the released version's share, the rest on the previous full release. */
export function ReleasePanel(props: {
  appid: string;
  release: ReleaseState | null;
  canEdit: boolean;
  onChanged(): void;
}) {
  const { release } = props;
  const [percentage, setPercentage] = useState(release?.percentage ?? 100);
  const { busy, error, run } = useAction();
  if (!release)
    return (
      <section className="card" aria-labelledby="release-title">
        <h2 id="release-title">Release</h2>
        <p className="muted">Nothing released yet: users cannot open this app.</p>
      </section>
    );

  const widen = async () => {
    if (
      await run(() =>
        consoleApi('POST', `/api/apps/${props.appid}/release`, {
          version_id: release.version.id,
          percentage,
        }),
      )
    )
      props.onChanged();
  };
  const rollback = async () => {
    if (await run(() => consoleApi('POST', `/api/apps/${props.appid}/release/rollback`))) props.onChanged();
  };

  return (
    <section className="card" aria-labelledby="release-title">
      <h2 id="release-title">Release</h2>
      <table className="grid" aria-label="Who gets which version">
        <thead>
          <tr>
            <th>Version</th>
            <th className="num">Share of users</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              {release.version.version} {release.percentage < 100 ? '(grey release)' : ''}
            </td>
            <td className="num" data-testid="release-share">
              {release.percentage}%
            </td>
          </tr>
          {release.base && release.percentage < 100 ? (
            <tr>
              <td>{release.base.version} (previous full release)</td>
              <td className="num">{100 - release.percentage}%</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {props.canEdit ? (
        <div className="row" style={{ marginTop: 12 }}>
          <label>
            Share of users on {release.version.version}: {percentage}%
            <input
              type="range"
              min={1}
              max={100}
              value={percentage}
              onChange={(e) => setPercentage(Number(e.target.value))}
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || percentage === release.percentage}
            onClick={() => void widen()}
          >
            Apply share
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy || !release.base}
            onClick={() => void rollback()}
          >
            Roll back
          </button>
        </div>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}
