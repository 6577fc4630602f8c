import type {
  DouyinPaymentSettings,
  DouyinTradeSettings,
  OrgRole,
  PaymentReceiver,
} from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, useAction } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

const roleRank: Record<OrgRole, number> = { viewer: 0, developer: 1, admin: 2, owner: 3 };

/**
 * Where the app's money goes and how a migrating merchant's server keeps talking: the split
 * receivers, and the Douyin migration kit's SALT, callback token and trade-system keys.
 * Changing them needs an admin, as the platform enforces.
 */
export function PaymentSettingsPage({ appid, role }: { appid: string; role: OrgRole }) {
  const isAdmin = roleRank[role] >= roleRank.admin;
  return (
    <>
      <h1>Payment settings</h1>
      {isAdmin ? null : <p className="muted">Only an owner or admin of the org changes payment settings.</p>}
      <Receivers appid={appid} canEdit={isAdmin} />
      {roleRank[role] >= roleRank.developer ? (
        <>
          <DouyinPayment appid={appid} canEdit={isAdmin} />
          <TradeKeys appid={appid} canEdit={isAdmin} />
        </>
      ) : null}
    </>
  );
}

function Receivers({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const list = useLoad(
    () =>
      consoleApi<{ items: PaymentReceiver[] }>('GET', `/api/apps/${appid}/receivers`).then((r) => r.items),
    appid,
  );
  const [name, setName] = useState('');
  const [outNo, setOutNo] = useState('');
  const { busy, error, run } = useAction();
  async function add(e: FormEvent) {
    e.preventDefault();
    const done = await run(() =>
      consoleApi('POST', `/api/apps/${appid}/receivers`, { name, out_receiver_no: outNo }),
    );
    if (done) {
      setName('');
      setOutNo('');
      list.reload();
    }
  }
  return (
    <section className="card" aria-labelledby="receivers-title">
      <h2 id="receivers-title">Split receivers</h2>
      <p className="muted">
        Who may receive a share of a settlement (a rider pool, a franchisor), for every app of the org. The
        merchant's server names them by their number when it settles an order.
      </p>
      <ErrorNote error={list.error} />
      {!list.data ? (
        <Skeleton rows={2} />
      ) : list.data.length === 0 ? (
        <p className="muted">
          No receivers yet: settlements go to the merchant and the platform's commission only.
        </p>
      ) : (
        <table className="grid" aria-label="Split receivers">
          <thead>
            <tr>
              <th>Name</th>
              <th>Receiver number</th>
              <th>Receiver id</th>
              <th>Registered</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.receiver_id}>
                <td>{r.name}</td>
                <td>
                  <code>{r.out_receiver_no}</code>
                </td>
                <td>
                  <code>{r.receiver_id}</code>
                </td>
                <td>{formatTime(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <form className="row" onSubmit={add} aria-label="Add a receiver">
          <label>
            Receiver name
            <input required maxLength={128} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Receiver number
            <input
              required
              pattern="[A-Za-z0-9_\-.:|*]{1,64}"
              value={outNo}
              onChange={(e) => setOutNo(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            Add receiver
          </button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

/** A settings read that answers "not set up" with a coded 4xx: nothing to show yet, not a failure. */
function loadSettings<T>(url: string, notSetUp: string): Promise<T | null> {
  return consoleApi<T>('GET', url).catch((e: unknown) => {
    if (e instanceof ApiError && e.code === notSetUp) return null;
    throw e;
  });
}

/** A value shown as dots until asked for: the page may be on a shared screen. */
function Hidden({ label, value }: { label: string; value: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="row">
      <span>{label}</span>
      <code data-testid={`hidden-${label}`}>{shown ? value : '•'.repeat(12)}</code>
      <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'} {label}
      </button>
    </div>
  );
}

function DouyinPayment({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const url = `/api/apps/${appid}/douyin/payment-settings`;
  const settings = useLoad(
    () => loadSettings<DouyinPaymentSettings>(url, 'DOUYIN_PAYMENT_NOT_SET_UP'),
    appid,
  );
  const [salt, setSalt] = useState('');
  const [token, setToken] = useState('');
  const [notifyUrl, setNotifyUrl] = useState('');
  const { busy, error, run } = useAction();
  async function save(e: FormEvent) {
    e.preventDefault();
    const done = await run(() =>
      consoleApi('PUT', url, {
        ...(salt ? { salt } : {}),
        ...(token ? { callback_token: token } : {}),
        notify_url: notifyUrl || null,
      }),
    );
    if (done) {
      setSalt('');
      setToken('');
      settings.reload();
    }
  }
  const s = settings.data;
  return (
    <section className="card" aria-labelledby="douyin-pay-title">
      <h2 id="douyin-pay-title">Douyin guaranteed payment (migration kit)</h2>
      <p className="muted">
        A merchant server written for Douyin signs its calls with the SALT and checks callbacks with the
        token. Bring the ones you have, or leave them empty and the platform makes new ones.
      </p>
      <ErrorNote error={settings.error} />
      {s === undefined ? (
        <Skeleton rows={2} />
      ) : s === null ? (
        <p className="muted">Not set up yet.</p>
      ) : (
        <>
          <Hidden label="SALT" value={s.salt} />
          <Hidden label="callback token" value={s.callback_token} />
          <p>
            Callback URL: {s.notify_url ? <code>{s.notify_url}</code> : 'none'} · changed{' '}
            {formatTime(s.updated_at)}
          </p>
        </>
      )}
      {canEdit ? (
        <form onSubmit={save} aria-label="Douyin payment settings">
          <div className="split">
            <label>
              SALT (empty: keep, or make one)
              <input value={salt} maxLength={256} onChange={(e) => setSalt(e.target.value)} />
            </label>
            <label>
              Callback token (empty: keep, or make one)
              <input value={token} maxLength={256} onChange={(e) => setToken(e.target.value)} />
            </label>
          </div>
          <label>
            Callback URL
            <input
              type="url"
              placeholder="https://shop.example/douyin/notify"
              value={notifyUrl}
              onChange={(e) => setNotifyUrl(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {s ? 'Save Douyin payment settings' : 'Set up Douyin payment'}
          </button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

function TradeKeys({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const url = `/api/apps/${appid}/douyin/trade-settings`;
  const settings = useLoad(() => loadSettings<DouyinTradeSettings>(url, 'DOUYIN_TRADE_NOT_SET_UP'), appid);
  const [publicKey, setPublicKey] = useState('');
  const [keyVersion, setKeyVersion] = useState('');
  const { busy, error, run } = useAction();
  async function save(e: FormEvent) {
    e.preventDefault();
    const done = await run(() =>
      consoleApi('PUT', url, { public_key: publicKey, ...(keyVersion ? { key_version: keyVersion } : {}) }),
    );
    if (done) {
      setPublicKey('');
      settings.reload();
    }
  }
  const s = settings.data;
  return (
    <section className="card" aria-labelledby="trade-keys-title">
      <h2 id="trade-keys-title">Douyin trade-system keys</h2>
      <p className="muted">
        The app's RSA public key verifies its byteAuthorization signatures; Plaza's public key verifies the
        Byte-Signature of trade callbacks.
      </p>
      <ErrorNote error={settings.error} />
      {s === undefined ? (
        <Skeleton rows={2} />
      ) : s === null ? (
        <p className="muted">No public key registered yet.</p>
      ) : (
        <div className="split">
          <label>
            The app's public key (version {s.key_version})
            <textarea readOnly rows={5} value={s.public_key} />
          </label>
          <label>
            Plaza's public key
            <textarea readOnly rows={5} value={s.platform_public_key} />
          </label>
        </div>
      )}
      {canEdit ? (
        <form onSubmit={save} aria-label="Register a trade-system public key">
          <div className="split">
            <label>
              New public key (PEM, RSA of 2048 bits or more)
              <textarea
                required
                rows={4}
                placeholder="-----BEGIN PUBLIC KEY-----"
                value={publicKey}
                onChange={(e) => setPublicKey(e.target.value)}
              />
            </label>
            <label>
              Key version
              <input
                pattern="[0-9A-Za-z._\-]{1,16}"
                value={keyVersion}
                onChange={(e) => setKeyVersion(e.target.value)}
              />
            </label>
          </div>
          <button type="submit" disabled={busy}>
            Register public key
          </button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}
