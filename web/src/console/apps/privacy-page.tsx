import type { ConsoleApp } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, Skeleton, useAction } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

/** The personal data an app may ask users for, as the platform's consent sheet names it. */
const scopes = [
  { scope: 'profile', label: 'Nickname and avatar' },
  { scope: 'phone_number', label: 'Phone number' },
  { scope: 'location', label: 'Location' },
  { scope: 'address', label: 'Delivery address' },
] as const;

type Declared = Record<string, { on: boolean; reason: string }>;

/**
 * The privacy declaration: what personal data the app collects and why. Users read the
 * reason in the consent sheet; a scope not declared here is never granted.
 */
export function PrivacyPage({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const app = useLoad(
    () => consoleApi<{ app: ConsoleApp }>('GET', `/api/apps/${appid}`).then((r) => r.app),
    appid,
  );
  if (!app.data) return app.error ? <ErrorNote error={app.error} /> : <Skeleton rows={6} />;
  return (
    <>
      <h1>Privacy declaration</h1>
      <p className="muted">
        What personal data {app.data.name} collects and why. The reason is what users read before they allow
        it; the platform refuses any scope the app has not declared, and some industry categories allow fewer.
      </p>
      <PrivacyForm key={app.data.appid} app={app.data} canEdit={canEdit} onSaved={app.reload} />
    </>
  );
}

function PrivacyForm({ app, canEdit, onSaved }: { app: ConsoleApp; canEdit: boolean; onSaved(): void }) {
  const [declared, setDeclared] = useState<Declared>(() =>
    Object.fromEntries(
      scopes.map(({ scope }) => {
        const found = app.privacy.find((p) => p.scope === scope);
        return [scope, { on: Boolean(found), reason: found?.reason ?? '' }];
      }),
    ),
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const set = (scope: string, change: Partial<Declared[string]>) =>
    setDeclared({ ...declared, [scope]: { ...(declared[scope] ?? { on: false, reason: '' }), ...change } });

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const privacy = scopes
      .filter(({ scope }) => declared[scope]?.on)
      .map(({ scope }) => ({ scope, reason: declared[scope]?.reason ?? '' }));
    if (await run(() => consoleApi('PATCH', `/api/apps/${app.appid}`, { privacy }))) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="privacy-title">
      <h2 id="privacy-title">Data the app collects</h2>
      <fieldset disabled={!canEdit} className="plain">
        <table className="grid" aria-label="Declared personal data">
          <thead>
            <tr>
              <th>Collected</th>
              <th>Why the app needs it</th>
            </tr>
          </thead>
          <tbody>
            {scopes.map(({ scope, label }) => {
              const d = declared[scope] ?? { on: false, reason: '' };
              return (
                <tr key={scope}>
                  <td>
                    <label className="inline">
                      <input
                        type="checkbox"
                        checked={d.on}
                        onChange={(e) => set(scope, { on: e.target.checked })}
                      />{' '}
                      {label}
                    </label>
                  </td>
                  <td>
                    <input
                      aria-label={`Why the app needs: ${label}`}
                      maxLength={200}
                      required={d.on}
                      disabled={!d.on}
                      placeholder={d.on ? 'e.g. To deliver the order to you' : 'Not collected'}
                      value={d.reason}
                      onChange={(e) => set(scope, { reason: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ErrorNote error={error} />
        {saved ? (
          <p className="ok-note" role="status">
            Saved.
          </p>
        ) : null}
        {canEdit ? (
          <button type="submit" className="primary" disabled={busy}>
            Save declaration
          </button>
        ) : (
          <p className="muted">Your role may read this declaration, not change it.</p>
        )}
      </fieldset>
    </form>
  );
}
