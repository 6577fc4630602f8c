import type { QueuedVersion } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../console/kit/console-api.ts';
import { ErrorNote, useAction } from '../console/kit/layout.tsx';

/**
 * The reasons an operator rejects a version for, each with a code the developer can look up;
 * the message below them says what exactly to change.
 */
export const rejectionReasons = [
  { code: 'REVIEW_CHECKS_FAILED', text: 'A page does not render or throws errors' },
  {
    code: 'REVIEW_MISLEADING_PROFILE',
    text: "The app's name, icon or description does not match what it does",
  },
  { code: 'REVIEW_SCOPE_NOT_NEEDED', text: 'It asks for personal data its service does not need' },
  {
    code: 'REVIEW_CATEGORY_MISMATCH',
    text: 'Its service is outside its declared category or qualifications',
  },
  { code: 'REVIEW_PROHIBITED_CONTENT', text: 'It shows content the platform rules prohibit' },
  { code: 'REVIEW_PAYMENT_RULES', text: 'It takes payment outside the platform or misstates prices' },
] as const;

export function ReviewDecision({ version, onDecided }: { version: QueuedVersion; onDecided(): void }) {
  const [codes, setCodes] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const { busy, error, run } = useAction();

  const approve = async () => {
    if (await run(() => consoleApi('POST', `/api/review/versions/${version.id}/approve`))) onDecided();
  };
  const reject = async (e: FormEvent) => {
    e.preventDefault();
    const reasons = rejectionReasons
      .filter((r) => codes.includes(r.code))
      .map((r) => `${r.code}: ${r.text}${message ? `. ${message}` : ''}`);
    if (await run(() => consoleApi('POST', `/api/review/versions/${version.id}/reject`, { reasons })))
      onDecided();
  };

  return (
    <form onSubmit={reject} aria-label={`Decision on ${version.app_name} ${version.version}`}>
      <fieldset className="plain">
        <legend className="muted">Reasons to reject (the developer reads them)</legend>
        {rejectionReasons.map((r) => (
          <label key={r.code} className="check">
            <input
              type="checkbox"
              checked={codes.includes(r.code)}
              onChange={(e) =>
                setCodes(e.target.checked ? [...codes, r.code] : codes.filter((c) => c !== r.code))
              }
            />
            <span>
              <code>{r.code}</code> {r.text}
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        Message to the developer
        <textarea maxLength={800} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy || version.checks?.status !== 'passed'}
          onClick={() => void approve()}
        >
          Approve
        </button>
        <button type="submit" className="danger" disabled={busy || codes.length === 0}>
          Reject
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
