import type { ConsoleApp } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatTime, SecretOnce, Skeleton, StatusBadge, useAction } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';
import { CategoryField } from './category-field.tsx';

/** An app's profile, domains and webhook endpoint, and its credentials' rotation. */
export function AppSettingsPage({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const app = useLoad(
    () => consoleApi<{ app: ConsoleApp }>('GET', `/api/apps/${appid}`).then((r) => r.app),
    appid,
  );
  if (!app.data) return app.error ? <ErrorNote error={app.error} /> : <Skeleton rows={6} />;
  return (
    <>
      <h1>
        {app.data.name} <StatusBadge status={app.data.status} />
      </h1>
      <p className="muted">
        appid <code>{app.data.appid}</code> · created {formatTime(app.data.created_at)}
      </p>
      {app.data.takedown_reason ? (
        <p className="error-note">Suspended by the platform: {app.data.takedown_reason}</p>
      ) : null}
      {/* Keyed by the app, not its version: a save reloads the app and must not reset the form's note. */}
      <ProfileForm key={app.data.appid} app={app.data} canEdit={canEdit} onSaved={app.reload} />
      {canEdit ? <Credentials appid={appid} /> : null}
    </>
  );
}

function ProfileForm({ app, canEdit, onSaved }: { app: ConsoleApp; canEdit: boolean; onSaved(): void }) {
  const [name, setName] = useState(app.name);
  const [iconUrl, setIconUrl] = useState(app.icon_url ?? '');
  const [description, setDescription] = useState(app.description);
  const [category, setCategory] = useState(app.category);
  const [domains, setDomains] = useState(app.request_domains.join('\n'));
  const [webhookUrl, setWebhookUrl] = useState(app.webhook_url ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const done = await run(() =>
      consoleApi('PATCH', `/api/apps/${app.appid}`, {
        name,
        icon_url: iconUrl || null,
        description,
        category,
        request_domains: domains
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
        webhook_url: webhookUrl || null,
      }),
    );
    if (done) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="profile-title">
      <h2 id="profile-title">Profile, domains and webhook</h2>
      <fieldset disabled={!canEdit} className="plain">
        <div className="split">
          <label>
            Name
            <input required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <CategoryField value={category} onChange={setCategory} />
        </div>
        <label>
          Icon URL
          <input type="url" value={iconUrl} onChange={(e) => setIconUrl(e.target.value)} />
        </label>
        <label>
          Description
          <textarea maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="split">
          <label>
            Request domains (one per line, https://)
            <textarea value={domains} onChange={(e) => setDomains(e.target.value)} />
          </label>
          <label>
            Webhook endpoint
            <input
              type="url"
              placeholder="https://shop.example/plaza/webhooks"
              value={webhookUrl}
              onChange={(e) => setWebhookUrl(e.target.value)}
            />
          </label>
        </div>
        <ErrorNote error={error} />
        {saved ? (
          <p className="ok-note" role="status">
            Saved.
          </p>
        ) : null}
        {canEdit ? (
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        ) : (
          <p className="muted">Your role may read this app, not change it.</p>
        )}
      </fieldset>
    </form>
  );
}

const graces = [
  { seconds: 0, label: 'at once' },
  { seconds: 3600, label: 'after 1 hour' },
  { seconds: 86_400, label: 'after 24 hours' },
  { seconds: 604_800, label: 'after 7 days' },
];

/** New app and webhook secrets: shown once, the old one kept for the grace period chosen. */
function Credentials({ appid }: { appid: string }) {
  const [grace, setGrace] = useState(86_400);
  const [shown, setShown] = useState<{ label: string; secret: string; note: string }>();
  const { busy, error, run } = useAction();

  async function rotateAppSecret() {
    const r = await run(() =>
      consoleApi<{ secret: string; previous_expires_at: number }>(
        'POST',
        `/api/apps/${appid}/secret/rotate`,
        {
          grace_seconds: grace,
        },
      ),
    );
    if (r)
      setShown({
        label: 'New app secret',
        secret: r.secret,
        note: `The previous secret keeps working until ${formatTime(r.previous_expires_at)}.`,
      });
  }
  async function rotateWebhookSecret() {
    const r = await run(() =>
      consoleApi<{ webhook_secret: string; previous_signs_until: number }>(
        'POST',
        `/api/apps/${appid}/webhook-secret/rotate`,
      ),
    );
    if (r)
      setShown({
        label: 'New webhook signing secret',
        secret: r.webhook_secret,
        note: `Deliveries carry a signature with the previous secret too until ${formatTime(r.previous_signs_until)}.`,
      });
  }

  return (
    <section className="card" aria-labelledby="credentials-title">
      <h2 id="credentials-title">Credentials</h2>
      {shown ? (
        <SecretOnce
          label={shown.label}
          secret={shown.secret}
          note={shown.note}
          onDone={() => setShown(undefined)}
        />
      ) : null}
      <div className="row">
        <label>
          The previous app secret stops working
          <select value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
            {graces.map((g) => (
              <option key={g.seconds} value={g.seconds}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="danger" disabled={busy} onClick={() => void rotateAppSecret()}>
          Rotate app secret
        </button>
        <button type="button" disabled={busy} onClick={() => void rotateWebhookSecret()}>
          Rotate webhook signing secret
        </button>
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
