import type { ListChange, QueuedVersion } from '@plaza/api-types/console';

/** Each page as the automated checks painted it, on a phone-sized card. */
export function PageScreenshots({ version }: { version: QueuedVersion }) {
  const pages = version.checks?.report?.pages ?? [];
  if (!pages.some((p) => p.screenshot))
    return <p className="muted">No screenshots were painted for this version.</p>;
  return (
    <ul className="op-shots" aria-label={`Screenshots of ${version.app_name} ${version.version}`}>
      {pages.map((p) => (
        <li key={p.path}>
          {p.screenshot ? (
            <img
              src={`/api/apps/${version.appid}/versions/${version.id}/screenshots/${p.screenshot}`}
              alt={`Page ${p.path} as it rendered`}
              width={150}
              height={267}
              loading="lazy"
            />
          ) : (
            <span className="op-shot-missing">not rendered</span>
          )}
          <code>{p.path}</code>
        </li>
      ))}
    </ul>
  );
}

function ChangeRow({ label, change }: { label: string; change: ListChange | null }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {change === null ? (
        <td colSpan={2} className="muted">
          the program's logic could not be read
        </td>
      ) : (
        <>
          <td>{change.added.length ? change.added.map((x) => <code key={x}>+ {x} </code>) : '—'}</td>
          <td>{change.removed.length ? change.removed.map((x) => <code key={x}>− {x} </code>) : '—'}</td>
        </>
      )}
    </tr>
  );
}

/** What the version adds and drops against the released one: pages, scopes asked for, origins reached. */
export function SurfaceDiff({ version }: { version: QueuedVersion }) {
  const { changes } = version;
  return (
    <table className="grid" aria-label={`Changes of ${version.app_name} ${version.version}`}>
      <caption className="muted">
        {changes.against
          ? `Against the released version ${changes.against}`
          : 'Nothing is released yet: all is new'}
      </caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Added</th>
          <th scope="col">Removed</th>
        </tr>
      </thead>
      <tbody>
        <ChangeRow label="Pages" change={changes.pages} />
        <ChangeRow label="Privacy scopes asked for" change={changes.scopes} />
        <ChangeRow label="Domains reached" change={changes.domains} />
      </tbody>
    </table>
  );
}
