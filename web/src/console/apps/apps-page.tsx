import type { ConsoleApp, ConsoleOrg } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatTime, SecretOnce, Skeleton, StatusBadge, useAction } from '../kit/layout.tsx';
import { Link } from '../kit/router.tsx';
import { useLoad } from '../kit/use-load.ts';
import { CategoryField } from './category-field.tsx';

interface Created {
  app: ConsoleApp;
  secret: string;
  webhook_secret: string;
}

/** The org's apps, and registering a new one (its secrets shown once). */
export function AppsPage({ org, canEdit }: { org: ConsoleOrg; canEdit: boolean }) {
  const apps = useLoad(
    () => consoleApi<{ apps: ConsoleApp[] }>('GET', `/api/orgs/${org.id}/apps`).then((r) => r.apps),
    org.id,
  );
  const [created, setCreated] = useState<Created>();
  return (
    <>
      <h1>Apps of {org.name}</h1>
      {created ? (
        <SecretOnce
          label={`Credentials of ${created.app.name}`}
          secret={created.secret}
          note={
            <>
              appid <code>{created.app.appid}</code>; webhook signing secret{' '}
              <code data-testid="webhook-secret">{created.webhook_secret}</code>
            </>
          }
          onDone={() => setCreated(undefined)}
        />
      ) : null}
      {canEdit ? (
        <CreateApp
          orgId={org.id}
          onCreated={(c) => {
            setCreated(c);
            apps.reload();
          }}
        />
      ) : null}
      <ErrorNote error={apps.error} />
      {!apps.data ? (
        <Skeleton />
      ) : apps.data.length === 0 ? (
        <p className="muted">No apps yet.</p>
      ) : (
        <table className="grid" aria-label="Apps">
          <thead>
            <tr>
              <th>Name</th>
              <th>appid</th>
              <th>Category</th>
              <th>Status</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {apps.data.map((a) => (
              <tr key={a.appid}>
                <td>
                  <Link to={`/console/apps/${a.appid}`}>{a.name}</Link>
                </td>
                <td>
                  <code>{a.appid}</code>
                </td>
                <td>{a.category}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>{formatTime(a.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function CreateApp({ orgId, onCreated }: { orgId: string; onCreated(c: Created): void }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(() => consoleApi<Created>('POST', `/api/orgs/${orgId}/apps`, { name, category }));
    if (done) {
      setName('');
      onCreated(done);
    }
  }

  return (
    <form className="card row" onSubmit={submit} aria-label="New app">
      <label>
        App name
        <input required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <CategoryField value={category} onChange={setCategory} />
      {/* Until the categories arrive there is nothing valid to send. */}
      <button type="submit" className="primary" disabled={busy || !category}>
        Create app
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
