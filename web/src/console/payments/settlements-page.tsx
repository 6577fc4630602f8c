import type { AppBalance, PaymentStatement } from '@plaza/api-types/console';
import { consoleApi, query } from '../kit/console-api.ts';
import { DayRangeFields, useDayRange } from '../kit/day-range.tsx';
import { ErrorNote, formatMoney, formatTime, Skeleton } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

/** The app's balances, and its statement of a period with totals, to read or download. */
export function SettlementsPage({ appid }: { appid: string }) {
  const balances = useLoad(
    () => consoleApi<{ items: AppBalance[] }>('GET', `/api/apps/${appid}/balances`).then((r) => r.items),
    appid,
  );
  const [range, setRange] = useDayRange(29);
  const statementUrl = (format: 'json' | 'csv') =>
    `/api/apps/${appid}/statements${query({ ...range, format })}`;
  const statement = useLoad(
    () => consoleApi<PaymentStatement>('GET', statementUrl('json')),
    `${appid}:${range.from}:${range.to}`,
  );

  return (
    <>
      <h1>Settlements and balances</h1>
      <section className="card" aria-labelledby="balances-title">
        <h2 id="balances-title">Balances</h2>
        <ErrorNote error={balances.error} />
        {!balances.data ? (
          <Skeleton rows={1} />
        ) : balances.data.length === 0 ? (
          <p className="muted">No money has moved for this app yet.</p>
        ) : (
          <div className="figures">
            {balances.data.flatMap((b) => [
              <p key={`${b.currency}-held`} className="figure">
                Held in escrow <strong>{formatMoney(b.held, b.currency)}</strong>
              </p>,
              <p key={`${b.currency}-available`} className="figure">
                Merchant balance <strong>{formatMoney(b.available, b.currency)}</strong>
              </p>,
              <p key={`${b.currency}-pending`} className="figure">
                Refunds in flight <strong>{formatMoney(b.pending_out, b.currency)}</strong>
              </p>,
            ])}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="statement-title">
        <h2 id="statement-title">Statement</h2>
        <form className="row" aria-label="Statement period" onSubmit={(e) => e.preventDefault()}>
          <DayRangeFields range={range} onChange={setRange} toLabel="To (inclusive)" />
          <a className="button" href={statementUrl('csv')} download="statement.csv">
            Download CSV
          </a>
          <a className="button" href={statementUrl('json')} download="statement.json">
            Download JSON
          </a>
        </form>
        <ErrorNote error={statement.error} />
        {!statement.data ? <Skeleton rows={5} /> : <StatementView statement={statement.data} />}
      </section>
    </>
  );
}

const totalsShown = [
  ['paid', 'Paid'],
  ['refunded', 'Refunded'],
  ['settled', 'Settled'],
  ['commission', 'Commission'],
  ['split', 'To receivers'],
  ['merchant', 'To the merchant'],
] as const;

function StatementView({ statement }: { statement: PaymentStatement }) {
  const currencies = Object.keys(statement.totals);
  return (
    <>
      {currencies.length === 0 ? <p className="muted">Nothing in this period.</p> : null}
      {currencies.map((currency) => (
        <table key={currency} className="grid" aria-label={`Totals in ${currency}`}>
          <thead>
            <tr>
              {totalsShown.map(([, label]) => (
                <th key={label} className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {totalsShown.map(([key]) => (
                <td key={key} className="num">
                  {formatMoney(statement.totals[currency]?.[key] ?? 0, currency)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      ))}
      {statement.lines.length > 0 ? (
        <table className="grid" aria-label="Statement lines">
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Order</th>
              <th>Refund or receiver</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((l) => (
              <tr key={`${l.type}:${l.order_id}:${l.refund_id ?? l.receiver_id ?? ''}`}>
                <td>{formatTime(l.at)}</td>
                <td>{l.type}</td>
                <td>
                  <code>{l.out_order_no}</code>
                </td>
                <td>{l.out_refund_no ?? l.receiver_id ?? '—'}</td>
                <td className="num">{formatMoney(l.amount, l.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
