import { useState } from 'react';
import { ApiError, api, type User } from '../api.ts';
import { useSession } from '../session.tsx';

/** Sign in with a phone number and a one-time code; in demo mode the code is shown from the dev inbox. */
export function SignInSheet() {
  const { signInOpen, finishSignIn } = useSession();
  const [phone, setPhone] = useState('+8613800138000');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!signInOpen) return null;

  async function sendCode() {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/users/otp', { phone });
      setStep('code');
      try {
        const inbox = await api<{ messages: Array<{ code: string }> }>(
          'GET',
          `/api/dev/inbox?phone=${encodeURIComponent(phone)}`,
        );
        // The inbox lists the newest code first.
        const last = inbox.messages[0];
        if (last) setHint(`Demo inbox: your code is ${last.code}`);
      } catch {
        setHint(null);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send the code');
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<{ user: User }>('POST', '/api/users/sessions', { phone, code });
      setStep('phone');
      setCode('');
      setHint(null);
      finishSignIn(user);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not sign in');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sheet-backdrop" role="presentation">
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby="sign-in-title">
        <div className="sheet-header">
          <h2 id="sign-in-title">Sign in</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => finishSignIn(null)}>
            ✕
          </button>
        </div>
        {step === 'phone' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void sendCode();
            }}
          >
            <label className="field">
              <span>Phone number</span>
              <input
                name="phone"
                inputMode="tel"
                autoComplete="tel"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
            </label>
            <button className="primary" type="submit" disabled={busy}>
              Send code
            </button>
          </form>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void verify();
            }}
          >
            <label className="field">
              <span>Code sent to {phone}</span>
              <input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </label>
            {hint && (
              <p className="hint" data-testid="otp-hint">
                {hint}
              </p>
            )}
            <button className="primary" type="submit" disabled={busy || code.length !== 6}>
              Sign in
            </button>
          </form>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
