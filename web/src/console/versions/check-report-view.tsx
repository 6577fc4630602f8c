import type { CheckReport } from '@plaza/api-types/console';

/** The automated checks: the package loads, each page's result, APIs and domains found. */
export function CheckReportView({ report }: { report: CheckReport }) {
  return (
    <div>
      <p>
        Package {report.load.ok ? 'loads' : `does not load: ${report.load.error ?? ''}`}; checked in{' '}
        {report.finished_at - report.started_at} ms.
      </p>
      <table className="grid" aria-label="Pages checked">
        <thead>
          <tr>
            <th>Page</th>
            <th>Result</th>
            <th className="num">Render time</th>
            <th>Errors</th>
          </tr>
        </thead>
        <tbody>
          {report.pages.map((p) => (
            <tr key={p.path}>
              <td>
                <code>{p.path}</code>
              </td>
              <td>
                <span className={`badge badge-${p.rendered && p.errors.length === 0 ? 'passed' : 'failed'}`}>
                  {p.rendered ? (p.errors.length ? 'rendered with errors' : 'rendered') : 'did not render'}
                </span>
              </td>
              <td className="num">{p.ms} ms</td>
              <td>
                {p.errors.map((e) => (
                  <div key={`${e.source}${e.message}${e.line}`}>
                    {e.message}
                    {e.file ? (
                      <span className="muted">
                        {' '}
                        at {e.file}:{e.line}
                      </span>
                    ) : null}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unsupported.apis.length + report.unsupported.components.length ? (
        <p className="error-note">
          Not supported here: {[...report.unsupported.apis, ...report.unsupported.components].join(', ')}
        </p>
      ) : null}
      {report.scopes.length ? (
        <p>Scopes asked for: {report.scopes.map((s) => `${s.scope} (${s.api})`).join(', ')}</p>
      ) : null}
      {report.request_domains.length ? (
        <p>Domains called: {[...new Set(report.request_domains.map((d) => d.origin))].join(', ')}</p>
      ) : null}
    </div>
  );
}
