import type { AppAuditEntry, ConsoleApp } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../console/kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, StatusBadge, useAction } from '../console/kit/layout.tsx';
import { navigate } from '../console/kit/router.tsx';
import { useLoad } from '../console/kit/use-load.ts';

/** Find an app by appid; suspend it with a reason, or reinstate it; its audit log. */
export function AppGovernancePage({ appid }: { appid: string | undefined }) {
  const [lookup, setLookup] = useState(appid ?? '');
  const find = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/operator/apps/${encodeURIComponent(lookup.trim())}`);
  };
  return (
    <>
      <h1>Apps</h1>
      <form className="card row" onSubmit={find} aria-label="Find an app">
        <label>
          appid
          <input required value={lookup} onChange={(e) => setLookup(e.target.value)} />
        </label>
        <button type="submit">Open</button>
      </form>
      {appid ? <AppGovernance key={appid} appid={appid} /> : null}
    </>
  );
}

function AppGovernance({ appid }: { appid: string }) {
  const app = useLoad(
    () => consoleApi<{ app: ConsoleApp }>('GET', `/api/apps/${appid}`).then((r) => r.app),
    appid,
  );
  const audit = useLoad(
    () =>
      consoleApi<{ entries: AppAuditEntry[] }>('GET', `/api/apps/${appid}/audit?limit=20`).then(
        (r) => r.entries,
      ),
    appid,
  );
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  if (!app.data) return app.error ? <ErrorNote error={app.error} /> : <Skeleton rows={4} />;
  const a = app.data;
  const changed = () => {
    app.reload();
    audit.reload();
  };
  const suspend = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => consoleApi('POST', `/api/apps/${appid}/takedown`, { reason }))) changed();
  };
  const reinstate = async () => {
    if (await run(() => consoleApi('POST', `/api/apps/${appid}/reinstate`))) changed();
  };

  return (
    <section className="card" aria-labelledby="app-title">
      <h2 id="app-title">
        {a.name} <StatusBadge status={a.status} />
      </h2>
      <p className="muted">
        <code>{a.appid}</code> · org <code>{a.org_id}</code> · {a.category} · created{' '}
        {formatTime(a.created_at)}
      </p>
      {a.status === 'taken_down' ? (
        <>
          <p>Suspended: {a.takedown_reason}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void reinstate()}>
            Reinstate
          </button>
        </>
      ) : (
        <form className="row" onSubmit={suspend}>
          <label>
            Reason for suspension (the developer reads it)
            <input
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              size={48}
            />
          </label>
          <button type="submit" className="danger" disabled={busy}>
            Suspend
          </button>
        </form>
      )}
      <ErrorNote error={error} />
      <h3 style={{ marginTop: 16 }}>Audit log</h3>
      {!audit.data ? (
        <Skeleton />
      ) : (
        <table className="grid" aria-label="Audit log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.created_at)}</td>
                <td>
                  {e.actor.kind} {e.actor.id ? <code>{e.actor.id}</code> : null}
                </td>
                <td>{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
