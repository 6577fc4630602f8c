import type { OrderDetail, PaymentRefund } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi } from '../kit/console-api.ts';
import { ErrorNote, formatMoney, formatTime, Skeleton, StatusBadge, useAction } from '../kit/layout.tsx';
import { Link } from '../kit/router.tsx';
import { useLoad } from '../kit/use-load.ts';

const kinds: Record<OrderDetail['timeline'][number]['kind'], string> = {
  created: 'Order created',
  paid: 'Paid into escrow',
  closed: 'Closed unpaid',
  refund_requested: 'Refund requested',
  refund_succeeded: 'Refunded',
  refund_declined: 'Refund declined',
  settled: 'Settled to the merchant',
};

/** One order: what happened to it, its refunds, and a refund issued from here. */
export function OrderPage({ appid, orderId, canEdit }: { appid: string; orderId: string; canEdit: boolean }) {
  const detail = useLoad(
    () => consoleApi<OrderDetail>('GET', `/api/apps/${appid}/orders/${orderId}`),
    orderId,
  );
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Skeleton rows={8} />;
  const { order, refunds, timeline } = detail.data;
  const refundable = order.total_amount - order.refunded_amount;
  return (
    <>
      <p>
        <Link to={`/console/apps/${appid}/payments`}>← All orders</Link>
      </p>
      <h1>
        Order {order.out_order_no} <StatusBadge status={order.status} />
      </h1>
      <p className="muted">
        {order.subject} · {formatMoney(order.total_amount, order.currency)} · user <code>{order.openid}</code>{' '}
        · platform id <code>{order.order_id}</code>
      </p>
      <div className="split">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={`${e.kind}${e.at}${e.refund_id}`}>
                <strong>{kinds[e.kind]}</strong>
                {e.amount !== null ? ` · ${formatMoney(e.amount, order.currency)}` : ''}
                <div className="muted">
                  {formatTime(e.at)}
                  {e.note ? ` · ${e.note}` : ''}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="refunds-title">
          <h2 id="refunds-title">Refunds</h2>
          <RefundsTable refunds={refunds} />
          {canEdit && refundable > 0 && (order.status === 'paid' || order.status === 'settled') ? (
            <RefundForm
              appid={appid}
              orderId={order.order_id}
              refundable={refundable}
              currency={order.currency}
              onDone={detail.reload}
            />
          ) : null}
        </section>
      </div>
    </>
  );
}

function RefundsTable({ refunds }: { refunds: PaymentRefund[] }) {
  if (refunds.length === 0) return <p className="muted">No refunds.</p>;
  return (
    <table className="grid" aria-label="Refunds of this order">
      <thead>
        <tr>
          <th className="num">Amount</th>
          <th>Status</th>
          <th>Reason</th>
          <th>When</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((r) => (
          <tr key={r.refund_id}>
            <td className="num">{formatMoney(r.amount, r.currency)}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.decline_reason ?? r.reason ?? '—'}</td>
            <td>{formatTime(r.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A fresh merchant refund number (getRandomValues works where randomUUID needs https). */
function refundNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `console-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function RefundForm(props: {
  appid: string;
  orderId: string;
  refundable: number;
  currency: string;
  onDone(): void;
}) {
  const [amount, setAmount] = useState((props.refundable / 100).toFixed(2));
  const [reason, setReason] = useState('');
  // One number per refund the person means: a second click of the same form repeats it, never doubles it.
  const [outRefundNo, setOutRefundNo] = useState(() => refundNumber());
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(() =>
      consoleApi('POST', `/api/apps/${props.appid}/orders/${props.orderId}/refunds`, {
        out_refund_no: outRefundNo,
        amount: Math.round(Number(amount) * 100),
        ...(reason ? { reason } : {}),
      }),
    );
    if (done) {
      setOutRefundNo(refundNumber());
      props.onDone();
    }
  };
  return (
    <form onSubmit={submit} className="row" style={{ marginTop: 12 }} aria-label="Refund">
      <label>
        Amount ({props.currency}, up to {(props.refundable / 100).toFixed(2)})
        <input
          type="number"
          min={0.01}
          step={0.01}
          max={props.refundable / 100}
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      <label>
        Reason
        <input maxLength={256} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="danger" disabled={busy}>
        Refund
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
