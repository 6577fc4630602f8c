import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api.ts';
import { Link } from './router.tsx';

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

/** The frame of both consoles: top bar, side navigation, the page. */
export function ConsoleFrame(props: {
  product: string;
  home: string;
  who: string;
  toolbar?: ReactNode;
  nav: NavItem[];
  onSignOut(): void;
  children: ReactNode;
}) {
  return (
    <div className="console">
      <header className="console-top">
        <Link to={props.home} className="console-brand">
          Plaza <span>{props.product}</span>
        </Link>
        <div className="console-toolbar">{props.toolbar}</div>
        <span className="console-who">{props.who}</span>
        <button type="button" className="quiet" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <nav className="console-nav" aria-label={`${props.product} sections`}>
        <ul>
          {props.nav.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="console-main">{props.children}</main>
    </div>
  );
}

/** Grey bars the size of what is coming, instead of a spinner. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to tell them apart.
        <div key={i} className="skeleton-row" />
      ))}
    </div>
  );
}

/** A failed call, with the platform's error code. */
export function ErrorNote({ error }: { error: Error | undefined }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      {error instanceof ApiError ? <code>{error.code}</code> : null} {error.message}
    </p>
  );
}

/** A secret shown this once: the platform never sends it again. */
export function SecretOnce(props: { label: string; secret: string; note?: ReactNode; onDone(): void }) {
  return (
    <section className="secret-once" aria-label={props.label}>
      <h3>{props.label}</h3>
      <p>Copy it now: it is shown only this once and the platform cannot show it again.</p>
      <output className="secret-value" data-testid="secret-value">
        {props.secret}
      </output>
      {props.note ? <p>{props.note}</p> : null}
      <button type="button" onClick={props.onDone}>
        I have stored it
      </button>
    </section>
  );
}

/** A mutation behind a button: busy while it runs, its error shown beside it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

export function formatTime(ms: number | string | null): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Minor units (fen, cents) as an amount: `formatMoney(1250, 'CNY')` → `CNY 12.50`. */
export function formatMoney(minor: number, currency = 'CNY'): string {
  return `${currency} ${(minor / 100).toFixed(2)}`;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status.replace(/_/g, ' ')}</span>;
}

/** Shows or hides a row's details, saying which element it controls. */
export function DetailsToggle(props: { open: boolean; controls: string; onToggle(): void }) {
  return (
    <button type="button" aria-expanded={props.open} aria-controls={props.controls} onClick={props.onToggle}>
      {props.open ? 'Hide' : 'Details'}
    </button>
  );
}
