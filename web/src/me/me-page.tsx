import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { formatAmount } from '../host/host-sheets.ts';
import { useSession } from '../session.tsx';

interface MyOrder {
  order_id: string;
  appid: string;
  app_name?: string;
  subject: string;
  status: string;
  total_amount: number;
  refunded_amount: number;
  currency: string;
  created_at: string;
  refund_requestable?: boolean;
}

interface Authorization {
  appid: string;
  app_name: string;
  app_icon_url: string | null;
  scopes: Array<{ scope: string; granted_at: string }>;
}

/** A list as loaded: its items, or why it could not be loaded (never shown as an empty list). */
type Loaded<T> = { items: T[] } | { failed: string };

async function loadItems<T>(request: Promise<{ items: T[] }>): Promise<Loaded<T>> {
  try {
    return { items: (await request).items };
  } catch (error) {
    return { failed: error instanceof ApiError ? error.message : 'the server could not be reached' };
  }
}

const statusText: Record<string, string> = {
  created: 'Awaiting payment',
  paid: 'Paid · held by Plaza',
  settled: 'Completed',
  closed: 'Closed',
  refunded: 'Refunded',
};

/** "Me": who is signed in, their orders (with refund requests) and the apps they authorised (revocable). */
export function MePage() {
  const { user, requireUser, signOut } = useSession();
  const [orders, setOrders] = useState<Loaded<MyOrder> | null>(null);
  const [auths, setAuths] = useState<Loaded<Authorization> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!user) return;
    const [o, a] = await Promise.all([
      loadItems(api<{ items: MyOrder[] }>('GET', '/api/me/orders')),
      loadItems(api<{ items: Authorization[] }>('GET', '/api/me/authorizations')),
    ]);
    setOrders(o);
    setAuths(a);
  }, [user]);

  useEffect(() => {
    void load();
  }, [load]);

  if (user === undefined) return <p className="empty">Loading…</p>;
  if (user === null)
    return (
      <div className="me signed-out">
        <p>Sign in to see your orders and the mini programs you authorised.</p>
        <button type="button" className="primary" onClick={() => void requireUser()}>
          Sign in
        </button>
      </div>
    );

  async function requestRefund(order: MyOrder) {
    try {
      await api('POST', `/api/me/orders/${order.order_id}/refund-requests`, {
        reason: 'Requested from My orders',
      });
      setNotice('Refund requested: the merchant will answer.');
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : 'Could not request a refund');
    }
  }

  async function revoke(appid: string) {
    await api('DELETE', `/api/me/authorizations/${encodeURIComponent(appid)}`);
    await load();
  }

  return (
    <div className="me" data-testid="me-page">
      <header className="me-header">
        <div className="avatar" aria-hidden="true">
          {user.phone.slice(-2)}
        </div>
        <div>
          <strong>{user.phone}</strong>
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>My orders</h2>
      {orders === null ? (
        <p className="empty">Loading…</p>
      ) : 'failed' in orders ? (
        <p className="error" role="alert" data-testid="orders-failed">
          Your orders could not be loaded: {orders.failed}
        </p>
      ) : orders.items.length === 0 ? (
        <p className="empty">No orders yet.</p>
      ) : (
        <ul className="orders">
          {orders.items.map((o) => (
            <li key={o.order_id} data-testid="my-order" data-status={o.status}>
              <div>
                <strong>{o.subject}</strong>
                <small>{o.app_name ?? o.appid}</small>
              </div>
              <div className="order-right">
                <span className="amount">{formatAmount(o.total_amount, o.currency)}</span>
                <span className={`status status-${o.status}`}>{statusText[o.status] ?? o.status}</span>
                {o.refunded_amount > 0 && (
                  <small>Refunded {formatAmount(o.refunded_amount, o.currency)}</small>
                )}
                {(o.status === 'paid' || o.status === 'settled') && o.refunded_amount < o.total_amount && (
                  <button type="button" className="link" onClick={() => void requestRefund(o)}>
                    Request refund
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>Authorised apps</h2>
      {auths === null ? (
        <p className="empty">Loading…</p>
      ) : 'failed' in auths ? (
        <p className="error" role="alert">
          Your authorised apps could not be loaded: {auths.failed}
        </p>
      ) : auths.items.length === 0 ? (
        <p className="empty">You have not authorised any mini program.</p>
      ) : (
        <ul className="auths">
          {auths.items.map((a) => (
            <li key={a.appid}>
              <div>
                <strong>{a.app_name}</strong>
                <small>{a.scopes.map((s) => s.scope).join(', ')}</small>
              </div>
              <button type="button" className="link danger" onClick={() => void revoke(a.appid)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
