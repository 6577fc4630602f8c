import { type ReactNode, useState } from 'react';
import { formatAmount, type HostSheet, type SheetApp, useHostSheet } from './host-sheets.ts';

const scopeNames: Record<string, string> = {
  profile: 'your nickname and avatar',
  phone_number: 'your phone number',
  location: 'your location',
  address: 'your shipping address',
};

/**
 * The platform's mark on every host sheet: the app's icon and name as Plaza lists them, and
 * Plaza's own badge. A program's `showModal` is plain text in a centred dialog inside the
 * program's area and can draw none of it, so a user can tell a real sheet from an imitation.
 */
function HostMark({ app }: { app: SheetApp }) {
  return (
    <div className="host-mark">
      {app.appIcon ? (
        <img src={app.appIcon} alt="" />
      ) : (
        <span className="host-mark-icon">{app.appName.slice(0, 1)}</span>
      )}
      <strong>{app.appName}</strong>
      <span className="host-mark-badge">Plaza</span>
    </div>
  );
}

/** The frame every host sheet shares: the backdrop, the dialog, and the platform's mark. */
function HostSheetFrame({
  app,
  kind,
  titleId,
  testId,
  children,
}: {
  app: SheetApp;
  kind: string;
  titleId: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="sheet-backdrop host-layer" role="presentation">
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        data-host-sheet={kind}
      >
        <HostMark app={app} />
        {children}
      </div>
    </div>
  );
}

/** Renders whichever host sheet a mini program is waiting on. */
export function HostSheetView() {
  const sheet = useHostSheet();
  if (!sheet) return null;
  if (sheet.kind === 'payment') {
    const { order } = sheet;
    return (
      <HostSheetFrame app={sheet} kind="payment" titleId="pay-title" testId="payment-sheet">
        <div className="sheet-header">
          <h2 id="pay-title">Pay {sheet.appName}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Cancel payment"
            onClick={() => sheet.resolve('cancel')}
          >
            ✕
          </button>
        </div>
        <p className="amount" data-testid="payment-amount">
          {formatAmount(order.total_amount, order.currency)}
        </p>
        <p className="subject">{order.subject}</p>
        <ul className="items">
          {order.items.map((item) => (
            <li key={item.name}>
              <span>
                {item.name} × {item.quantity}
              </span>
              <span>{formatAmount(item.unit_amount * item.quantity, order.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="hint">Guaranteed payment: Plaza holds the money until your order is fulfilled.</p>
        <button
          type="button"
          className="primary"
          data-testid="confirm-payment"
          onClick={() => sheet.resolve('confirm')}
        >
          Pay {formatAmount(order.total_amount, order.currency)}
        </button>
      </HostSheetFrame>
    );
  }
  if (sheet.kind === 'subscribe') return <SubscribeSheetView sheet={sheet} />;
  const login = sheet.kind === 'login';
  return (
    <HostSheetFrame
      app={sheet}
      kind={sheet.kind}
      titleId="consent-title"
      testId={login ? 'login-sheet' : 'consent-sheet'}
    >
      {login ? (
        <>
          <h2 id="consent-title">{sheet.appName} wants to log you in</h2>
          <p className="reason">With your Plaza account {sheet.phone}.</p>
          <p className="hint">
            It gets an id for you that only it can see: never your phone number, unless you allow that
            separately.
          </p>
        </>
      ) : (
        <>
          <h2 id="consent-title">
            {sheet.appName} asks for {scopeNames[sheet.scope] ?? sheet.scope}
          </h2>
          <p className="reason">“{sheet.reason}”</p>
          <p className="hint">You can revoke this at any time under Me → Authorised apps.</p>
        </>
      )}
      <div className="row">
        <button type="button" onClick={() => sheet.resolve(false)}>
          Deny
        </button>
        <button
          type="button"
          className="primary"
          data-testid="allow-consent"
          onClick={() => sheet.resolve(true)}
        >
          Allow
        </button>
      </div>
    </HostSheetFrame>
  );
}

/**
 * `requestSubscribeMessage`: each message the app asks to send, ticked by default as on the
 * platforms; "always" keeps this choice and skips the sheet next time.
 */
function SubscribeSheetView({ sheet }: { sheet: Extract<HostSheet, { kind: 'subscribe' }> }) {
  const [ticked, setTicked] = useState(() => new Set(sheet.templates.map((t) => t.template_id)));
  const [always, setAlways] = useState(false);
  const toggle = (id: string) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <HostSheetFrame app={sheet} kind="subscribe" titleId="subscribe-title" testId="subscribe-sheet">
      <h2 id="subscribe-title">{sheet.appName} wants to send you</h2>
      <ul className="subscribe-list">
        {sheet.templates.map((t) => (
          <li key={t.template_id}>
            <label>
              <input
                type="checkbox"
                checked={ticked.has(t.template_id)}
                onChange={() => toggle(t.template_id)}
                data-testid={`subscribe-${t.template_id}`}
              />
              <span>
                <strong>{t.title}</strong>
                <small>{t.keywords.join(' · ')}</small>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <label className="subscribe-always">
        <input
          type="checkbox"
          checked={always}
          onChange={(e) => setAlways(e.target.checked)}
          data-testid="subscribe-always"
        />
        Always keep this choice and don't ask again
      </label>
      <p className="hint">
        {sheet.templateKind === 'long_term'
          ? 'You can stop these messages at any time under Messages.'
          : 'Each message you allow is sent once. Manage them under Messages.'}
      </p>
      <div className="row">
        <button type="button" onClick={() => sheet.resolve({ accepted: [], always })}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          data-testid="allow-subscribe"
          onClick={() => sheet.resolve({ accepted: [...ticked], always })}
        >
          Allow
        </button>
      </div>
    </HostSheetFrame>
  );
}
