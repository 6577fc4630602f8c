import type { AppVersion } from '@plaza/api-types/console';
import { useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { DetailsToggle, ErrorNote, formatTime, StatusBadge, useAction } from '../kit/layout.tsx';
import { CheckReportView } from './check-report-view.tsx';

/** One version: its state, its checks and review, and what may be done with it now. */
export function VersionRow(props: {
  appid: string;
  version: AppVersion;
  canEdit: boolean;
  onChanged(): void;
}) {
  const v = props.version;
  const [open, setOpen] = useState(false);
  const [share, setShare] = useState(100);
  const { busy, error, run } = useAction();
  const base = `/api/apps/${props.appid}`;
  const act = async (call: () => Promise<unknown>) => {
    if (await run(call)) props.onChanged();
  };
  const detailsId = `version-${v.id}-details`;

  return (
    <tbody>
      <tr>
        <td>
          <strong>{v.version}</strong>
          <div className="muted">{v.description}</div>
        </td>
        <td>
          <StatusBadge status={v.status} />
        </td>
        <td>
          {v.checks ? <StatusBadge status={v.checks.status} /> : <span className="muted">not run</span>}
        </td>
        <td className="num">{(v.sizes.total / 1024).toFixed(1)} KB</td>
        <td>{formatTime(v.created_at)}</td>
        <td>
          <div className="row">
            <DetailsToggle open={open} controls={detailsId} onToggle={() => setOpen(!open)} />
            {props.canEdit && (v.status === 'uploaded' || v.status === 'rejected') ? (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void act(() => consoleApi('POST', `${base}/versions/${v.id}/submit`))}
              >
                Submit for review
              </button>
            ) : null}
            {props.canEdit && v.status === 'approved' ? (
              <>
                <label>
                  Share %
                  <input
                    type="number"
                    min={1}
                    max={100}
                    value={share}
                    onChange={(e) => setShare(Number(e.target.value))}
                    style={{ width: 72 }}
                  />
                </label>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    void act(() =>
                      consoleApi('POST', `${base}/release`, { version_id: v.id, percentage: share }),
                    )
                  }
                >
                  Release
                </button>
              </>
            ) : null}
          </div>
          <ErrorNote error={error} />
        </td>
      </tr>
      {open ? (
        <tr id={detailsId}>
          <td colSpan={6}>
            {v.review_reasons?.length ? (
              <div className="card">
                <h3>Reviewer's reasons ({formatTime(v.reviewed_at)})</h3>
                <ul>
                  {v.review_reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {v.checks?.report ? (
              <CheckReportView report={v.checks.report} />
            ) : (
              <p className="muted">Checks run when the version is submitted.</p>
            )}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
