import type { OrderPage, OrderStatus } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi, query } from '../kit/console-api.ts';
import { ErrorNote, formatMoney, formatTime, Skeleton, StatusBadge } from '../kit/layout.tsx';
import { Link } from '../kit/router.tsx';
import { useLoad } from '../kit/use-load.ts';

const statuses: OrderStatus[] = ['created', 'paid', 'settled', 'refunded', 'closed'];
const pageSize = 20;

interface Filters {
  status: string;
  created_from: string;
  created_to: string;
  out_order_no: string;
}
const noFilters: Filters = { status: '', created_from: '', created_to: '', out_order_no: '' };

/** The app's orders, paged on the server (a cursor per page), with filters and search. */
export function OrdersPage({ appid }: { appid: string }) {
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  // The cursors of the pages before this one, so "Previous" needs no offset.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const url = `/api/apps/${appid}/orders${query({ ...filters, cursor, limit: pageSize })}`;
  const orders = useLoad(() => consoleApi<OrderPage>('GET', url), url);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setCursors([]);
    setFilters(draft);
  };
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <>
      <h1>Payments</h1>
      <form className="card row" onSubmit={apply} aria-label="Order filters">
        <label>
          Status
          <select {...field('status')}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Created from
          <input type="date" {...field('created_from')} />
        </label>
        <label>
          Created to
          <input type="date" {...field('created_to')} />
        </label>
        <label>
          Merchant order number
          <input {...field('out_order_no')} />
        </label>
        <button type="submit">Apply</button>
      </form>
      <ErrorNote error={orders.error} />
      {!orders.data ? (
        <Skeleton rows={6} />
      ) : orders.data.items.length === 0 ? (
        <p className="muted">No orders match.</p>
      ) : (
        <table className="grid" aria-label="Orders">
          <thead>
            <tr>
              <th>Order</th>
              <th>What</th>
              <th className="num">Amount</th>
              <th className="num">Refunded</th>
              <th>Status</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((o) => (
              <tr key={o.order_id}>
                <td>
                  <Link to={`/console/apps/${appid}/payments/${o.order_id}`}>{o.out_order_no}</Link>
                </td>
                <td>{o.subject}</td>
                <td className="num">{formatMoney(o.total_amount, o.currency)}</td>
                <td className="num">
                  {o.refunded_amount ? formatMoney(o.refunded_amount, o.currency) : '—'}
                </td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td>{formatTime(o.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!orders.data?.next_cursor}
          onClick={() => orders.data?.next_cursor && setCursors([...cursors, orders.data.next_cursor])}
        >
          Next page
        </button>
      </div>
    </>
  );
}
