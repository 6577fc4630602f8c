import type { WebhookDelivery } from '@plaza/api-types/console';
import { useState } from 'react';
import { consoleApi, query } from '../kit/console-api.ts';
import { DetailsToggle, ErrorNote, formatTime, Skeleton, StatusBadge, useAction } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

const pageSize = 25;

/** The app's webhook deliveries, newest first: body, every attempt, and a redelivery. */
export function DeliveriesPage({ appid, canEdit }: { appid: string; canEdit: boolean }) {
  const [befores, setBefores] = useState<string[]>([]);
  const url = `/api/apps/${appid}/webhooks/deliveries${query({ before: befores.at(-1), limit: pageSize })}`;
  const deliveries = useLoad(
    () => consoleApi<{ deliveries: WebhookDelivery[] }>('GET', url).then((r) => r.deliveries),
    url,
  );
  const last = deliveries.data?.at(-1);
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Every event the platform sent to the app's webhook endpoint, with each attempt. Set the endpoint under
        Settings.
      </p>
      <ErrorNote error={deliveries.error} />
      {!deliveries.data ? (
        <Skeleton rows={6} />
      ) : deliveries.data.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : (
        <table className="grid" aria-label="Webhook deliveries">
          <thead>
            <tr>
              <th>Event</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th>Last attempt</th>
              <th>Created</th>
              <th>Actions</th>
            </tr>
          </thead>
          {deliveries.data.map((d) => (
            <DeliveryRow
              key={d.id}
              appid={appid}
              delivery={d}
              canEdit={canEdit}
              onChanged={deliveries.reload}
            />
          ))}
        </table>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button
          type="button"
          disabled={befores.length === 0}
          onClick={() => setBefores(befores.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!last || (deliveries.data?.length ?? 0) < pageSize}
          onClick={() => last && setBefores([...befores, last.id])}
        >
          Older
        </button>
      </div>
    </>
  );
}

function DeliveryRow(props: {
  appid: string;
  delivery: WebhookDelivery;
  canEdit: boolean;
  onChanged(): void;
}) {
  const d = props.delivery;
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useAction();
  const redeliver = async () => {
    if (await run(() => consoleApi('POST', `/api/apps/${props.appid}/webhooks/deliveries/${d.id}/redeliver`)))
      props.onChanged();
  };
  const detailsId = `delivery-${d.id}`;
  return (
    <tbody>
      <tr>
        <td>
          <code>{d.type}</code>
        </td>
        <td>
          <StatusBadge status={d.status} />
        </td>
        <td className="num">{d.attempt_count}</td>
        <td>{formatTime(d.last_attempt_at)}</td>
        <td>{formatTime(d.created_at)}</td>
        <td>
          <div className="row">
            <DetailsToggle open={open} controls={detailsId} onToggle={() => setOpen(!open)} />
            {props.canEdit ? (
              <button type="button" disabled={busy} onClick={() => void redeliver()}>
                Redeliver
              </button>
            ) : null}
          </div>
          <ErrorNote error={error} />
        </td>
      </tr>
      {open ? (
        <tr id={detailsId}>
          <td colSpan={6}>
            <h3>Request body</h3>
            <pre className="body">{d.body}</pre>
            <table className="grid" aria-label="Attempts">
              <thead>
                <tr>
                  <th>When</th>
                  <th>URL</th>
                  <th className="num">Response</th>
                  <th className="num">Took</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                {d.attempts.map((a) => (
                  <tr key={a.id}>
                    <td>{formatTime(a.created_at)}</td>
                    <td>{a.url ?? '—'}</td>
                    <td className="num">{a.status_code ?? '—'}</td>
                    <td className="num">{a.duration_ms} ms</td>
                    <td>{a.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
