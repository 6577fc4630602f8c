import type { Selectable } from 'kysely';

/** `pending` until the first try, `failing` while retries go on, `failed` once they ran out. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failing' | 'failed';

/**
 * One event for one app. Its id is the `webhook-id` of every try (receivers dedupe on it);
 * the body is fixed when the event happens, so a redelivery sends the same bytes.
 */
export interface WebhookDeliveryTable {
  id: string;
  app_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  /** Bumped by each redelivery; a job of an older round stands down. */
  round: number;
  attempts: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
  /** A dialect callback's own URL (e.g. an order's `notify_url`); null: the app's webhook URL. */
  target_url: string | null;
  /** A dialect callback's own headers as JSON (already signed); null: Standard Webhooks signing. */
  headers: string | null;
  /** What counts as received (`status` or `err_no`); null: `status`. */
  acknowledgement: string | null;
}

/** One HTTP try of a delivery. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  url: string | null;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  created_at: number;
}

export interface WebhookTables {
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptTable>;
