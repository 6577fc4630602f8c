import { type FormEvent, useState } from 'react';
import { consoleApi } from './console-api.ts';
import { ErrorNote, useAction } from './layout.tsx';

/** Sign in, and for developers sign up; both consoles use the same account session. */
export function SignInPage(props: { product: string; allowSignUp: boolean; onSignedIn(): void }) {
  const [mode, setMode] = useState<'in' | 'up'>('in');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(async () => {
      if (mode === 'up') await consoleApi('POST', '/api/accounts', { email, name, password });
      await consoleApi('POST', '/api/sessions', { email, password });
      return true;
    });
    if (done) props.onSignedIn();
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          Plaza {props.product}: {mode === 'in' ? 'sign in' : 'create your account'}
        </h1>
        <label>
          Email
          <input
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        {mode === 'up' ? (
          <label>
            Name
            <input required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        ) : null}
        <label>
          Password
          <input
            type="password"
            required
            minLength={mode === 'up' ? 10 : 1}
            autoComplete={mode === 'up' ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {mode === 'in' ? 'Sign in' : 'Sign up'}
        </button>
        {props.allowSignUp ? (
          <button type="button" className="quiet" onClick={() => setMode(mode === 'in' ? 'up' : 'in')}>
            {mode === 'in' ? 'New to Plaza? Create an account' : 'Have an account? Sign in'}
          </button>
        ) : null}
      </form>
    </main>
  );
}
