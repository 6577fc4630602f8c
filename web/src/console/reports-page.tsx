import { useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import './agent-inbox.css';

interface Report {
  report_id: string;
  conversation_id: string;
  app: { appid: string; name: string } | null;
  reason: string;
  note: string | null;
  blocked: boolean;
  created_at: number;
}

/** The operator's view of users' reports of customer-service chats, newest first. */
export function ReportsPage() {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Report[] }>('GET', '/api/operator/support/reports', undefined, 'account').then(
      ({ items }) => setReports(items),
      (err: unknown) => setError(err instanceof ApiError ? err.message : 'Could not load the reports'),
    );
  }, []);
  return (
    <section className="console-reports" data-testid="reports">
      <h1>Reported chats</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {reports?.length === 0 && <p className="muted">No reports.</p>}
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>App</th>
            <th>Reason</th>
            <th>Note</th>
            <th>Blocked</th>
          </tr>
        </thead>
        <tbody>
          {reports?.map((r) => (
            <tr key={r.report_id} data-testid="report-row">
              <td>{new Date(r.created_at).toLocaleString()}</td>
              <td>{r.app ? `${r.app.name} (${r.app.appid})` : 'removed app'}</td>
              <td>{r.reason}</td>
              <td>{r.note ?? ''}</td>
              <td>{r.blocked ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
