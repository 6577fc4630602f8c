import type { RuntimeErrorGroup } from '@plaza/api-types/console';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

/** `pages/index/index.js:12:5`, or what is known of it. */
export function errorLocation(g: Pick<RuntimeErrorGroup, 'file' | 'line' | 'column'>): string {
  if (!g.file) return 'unknown location';
  return [g.file, g.line, g.line === null ? null : g.column].filter((p) => p !== null).join(':');
}

/**
 * Script errors users' containers reported, grouped by message and the author's file and
 * line (the runtime maps them from the bundle), the most recently seen first.
 */
export function ErrorsPage({ appid }: { appid: string }) {
  const groups = useLoad(
    () =>
      consoleApi<{ items: RuntimeErrorGroup[] }>('GET', `/api/apps/${appid}/runtime-errors`).then(
        (r) => r.items,
      ),
    appid,
  );
  return (
    <>
      <h1>Errors</h1>
      <p className="muted">
        What went wrong in users' hands: each error once, with how often it happened, in which versions, and
        when it was last seen.
      </p>
      <ErrorNote error={groups.error} />
      {!groups.data ? (
        <Skeleton rows={5} />
      ) : groups.data.length === 0 ? (
        <p className="muted">No errors reported. Users' containers report every script error of the app.</p>
      ) : (
        <table className="grid" aria-label="Runtime errors">
          <thead>
            <tr>
              <th>Error</th>
              <th>Where</th>
              <th className="num">Count</th>
              <th>Versions</th>
              <th>Last seen</th>
              <th>First seen</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id}>
                <td>
                  <code>{g.message}</code>
                </td>
                <td>
                  <code>{errorLocation(g)}</code>
                </td>
                <td className="num">{g.count}</td>
                <td>{g.versions.map((v) => `${v.version} (${v.count})`).join(', ')}</td>
                <td>{formatTime(g.last_seen)}</td>
                <td>{formatTime(g.first_seen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
