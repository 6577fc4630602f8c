import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { AgentInbox } from './agent-inbox.tsx';
import { ReportsPage } from './reports-page.tsx';

export interface ConsoleAccount {
  id: string;
  name: string;
  email: string;
  operator: boolean;
}

interface ConsoleApp {
  appid: string;
  name: string;
  orgId: string;
}

/**
 * The consoles in the web app: a developer's agent inbox (`/console/support?appid=…`) and
 * the operator's reports (`/console/reports`), behind the account's sign-in.
 */
export function ConsoleApp() {
  const [account, setAccount] = useState<ConsoleAccount | null | undefined>(undefined);
  const load = useCallback(() => {
    api<{ account: ConsoleAccount }>('GET', '/api/me/account', undefined, 'account').then(
      ({ account }) => setAccount(account),
      () => setAccount(null),
    );
  }, []);
  useEffect(load, [load]);
  if (account === undefined) return <main className="console" />;
  if (account === null) return <ConsoleSignIn onSignedIn={load} />;
  const path = window.location.pathname;
  const appid = new URLSearchParams(window.location.search).get('appid');
  return (
    <main className="console" data-testid="console">
      <header className="console-header">
        <strong>Plaza console</strong>
        <span>{account.name}</span>
      </header>
      {path.startsWith('/console/reports') ? (
        <ReportsPage />
      ) : appid ? (
        <AgentInbox appid={appid} account={account} />
      ) : (
        <AppPicker />
      )}
    </main>
  );
}

function ConsoleSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <main className="console">
      <form
        className="console-sign-in"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          api(
            'POST',
            '/api/sessions',
            { email: form.get('email'), password: form.get('password') },
            'account',
          ).then(onSignedIn, (err: unknown) =>
            setError(err instanceof ApiError ? err.message : 'Could not sign in'),
          );
        }}
      >
        <h1>Sign in to the console</h1>
        <label className="field">
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}

/** The apps of the account's orgs, each a link to its agent inbox. */
function AppPicker() {
  const [apps, setApps] = useState<ConsoleApp[]>([]);
  useEffect(() => {
    (async () => {
      const { orgs } = await api<{ orgs: { id: string }[] }>('GET', '/api/orgs', undefined, 'account');
      const lists = await Promise.all(
        orgs.map(async (org) => {
          const { apps } = await api<{ apps: { appid: string; name: string }[] }>(
            'GET',
            `/api/orgs/${org.id}/apps`,
            undefined,
            'account',
          );
          return apps.map((a) => ({ appid: a.appid, name: a.name, orgId: org.id }));
        }),
      );
      setApps(lists.flat());
    })().catch(() => setApps([]));
  }, []);
  return (
    <section className="console-apps">
      <h1>Customer service</h1>
      {apps.map((a) => (
        <a key={a.appid} href={`/console/support?appid=${encodeURIComponent(a.appid)}`}>
          {a.name} <span className="muted">{a.appid}</span>
        </a>
      ))}
    </section>
  );
}
