import type { DeliveryStatus, WebhookAttemptRow, WebhookDeliveryRow } from './webhooks.table.ts';

export interface WebhookAttempt {
  id: string;
  url: string | null;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  createdAt: number;
}

export interface WebhookDelivery {
  /** The `webhook-id` header of every try. */
  id: string;
  appId: string;
  type: string;
  /** The exact JSON body sent: `{ type, timestamp, data }`. */
  body: string;
  status: DeliveryStatus;
  attemptCount: number;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
  attempts: WebhookAttempt[];
}

export function toAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return {
    id: row.id,
    url: row.url,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    durationMs: Number(row.duration_ms),
    error: row.error,
    createdAt: Number(row.created_at),
  };
}

export function toDelivery(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    appId: row.app_id,
    type: row.event_type,
    body: row.body,
    status: row.status,
    attemptCount: Number(row.attempts),
    lastAttemptAt: row.last_attempt_at === null ? null : Number(row.last_attempt_at),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    createdAt: Number(row.created_at),
    attempts: attempts.filter((a) => a.delivery_id === row.id).map(toAttempt),
  };
}
