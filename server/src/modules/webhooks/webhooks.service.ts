import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { dayLongRetryPolicy, defineJob, type JobQueue, PermanentJobError } from '../../jobs/index.ts';
import type { AppCaller, AppsService } from '../apps/index.ts';
import {
  findDelivery,
  insertAttempt,
  insertDelivery,
  listAttempts,
  listDeliveries,
  updateDelivery,
} from './delivery.repository.ts';
import { webhookErrors } from './errors.ts';
import { toDelivery, type WebhookDelivery } from './webhook.model.ts';
import { type Acknowledgement, type HostResolver, sendWebhook } from './webhook-sender.ts';
import { refusedTargetMessage, type WebhookTargetRules, webhookUrlProblem } from './webhook-target.ts';
import type { WebhookDeliveryRow } from './webhooks.table.ts';

export interface WebhooksDeps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue' | 'register'>;
  apps: Pick<AppsService, 'get' | 'webhookSigningSecrets' | 'requireRole'>;
  /** Which addresses deliveries may reach (see `webhook-target.ts`). */
  targets: WebhookTargetRules;
  /** How names are resolved before a delivery; the system's resolver unless a test brings one. */
  resolve?: HostResolver;
}

/** An event for an app's server, e.g. `{ type: 'payment.succeeded', data: { order_id } }`. */
export interface WebhookEvent {
  appId: string;
  type: string;
  data: unknown;
}

/**
 * A callback in another platform's form (Douyin's ecpay or trade callbacks): its body,
 * URL and signed headers are fixed when the event happens, and it counts as received
 * only on the acknowledgement that platform's merchants answer with.
 */
export interface DialectCallback {
  appId: string;
  type: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  acknowledgement: Acknowledgement;
}

interface DeliverPayload {
  deliveryId: string;
  round: number;
}

export const deliverJobType = 'webhooks.deliver';

/** Signed callbacks to merchants' servers, from the durable outbox. */
export interface WebhooksService {
  /**
   * Records an event for an app's server and enqueues its delivery, in the caller's
   * transaction: the callback exists exactly when the state change commits.
   */
  enqueueEvent(trx: Db, event: WebhookEvent): Promise<{ id: string }>;
  /**
   * Records a callback in another platform's form and enqueues its delivery, in the
   * caller's transaction, like `enqueueEvent`: sent again, listed and redelivered the same way.
   */
  enqueueDialectCallback(trx: Db, callback: DialectCallback): Promise<{ id: string }>;
  /**
   * Calls the merchant now, once, and hands back its answer (Douyin's synchronous
   * `pre_create_refund`): the same address rules as every delivery, nothing recorded.
   */
  callDialect(
    callback: Pick<DialectCallback, 'url' | 'body' | 'headers'>,
    timeoutMs: number,
  ): Promise<{ statusCode: number | null; answer: string | null; error: string | null }>;
  /** Deliveries of an app with their attempts, newest first (any member of its org). */
  list(
    caller: AppCaller,
    appid: string,
    page?: { before?: string; limit?: number },
  ): Promise<WebhookDelivery[]>;
  get(caller: AppCaller, appid: string, id: string): Promise<WebhookDelivery>;
  /** Sends a delivery again from the start, with the same id and body (role ≥ developer). */
  redeliver(caller: AppCaller, appid: string, id: string): Promise<WebhookDelivery>;
}

export function createWebhooksService(deps: WebhooksDeps): WebhooksService {
  const { db, clock, jobs, apps, targets } = deps;

  async function enqueueRound(trx: Db, deliveryId: string, round: number): Promise<void> {
    await jobs.enqueue(
      trx,
      deliverJob,
      { deliveryId, round },
      { key: `${deliverJobType}:${deliveryId}:${round}` },
    );
  }

  async function record(
    delivery: WebhookDeliveryRow,
    round: number,
    attempt: { url: string | null; statusCode: number | null; durationMs: number; error: string | null },
    status: WebhookDeliveryRow['status'],
  ): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await insertAttempt(trx, {
        id: newId('wha'),
        delivery_id: delivery.id,
        url: attempt.url,
        status_code: attempt.statusCode,
        duration_ms: attempt.durationMs,
        error: attempt.error,
        created_at: now,
      });
      await updateDelivery(
        trx,
        delivery.id,
        {
          status,
          attempts: Number(delivery.attempts) + 1,
          last_attempt_at: now,
          updated_at: now,
          ...(status === 'delivered' ? { delivered_at: now } : {}),
        },
        round,
      );
    });
  }

  const deliverJob = defineJob<DeliverPayload>({
    type: deliverJobType,
    // Retried with growing waits for well over a day before the delivery is marked failed.
    retry: dayLongRetryPolicy,
    parse: (payload) => {
      const p = payload as Partial<DeliverPayload> | null;
      if (typeof p?.deliveryId !== 'string' || typeof p.round !== 'number') throw new Error('bad payload');
      return { deliveryId: p.deliveryId, round: p.round };
    },
    handle: async (job, ctx) => {
      const { deliveryId, round } = job.payload;
      const delivery = await findDelivery(db, deliveryId);
      // Gone, delivered, or superseded by a redelivery: nothing left for this run to do.
      if (!delivery || Number(delivery.round) !== round || delivery.status === 'delivered') return;
      const final = job.attempts >= job.maxAttempts;
      const app = await apps.get(delivery.app_id);
      if (app?.status !== 'active') {
        await record(
          delivery,
          round,
          { url: null, statusCode: null, durationMs: 0, error: 'The app is taken down' },
          'failed',
        );
        throw new PermanentJobError('The app is taken down or gone');
      }
      const url = delivery.target_url ?? app.webhookUrl;
      // A URL stored before the current rules (or under looser settings) is never tried.
      const problem = url === null ? null : webhookUrlProblem(url, targets);
      if (problem !== null) {
        const error = `${refusedTargetMessage} (${problem})`;
        await record(delivery, round, { url, statusCode: null, durationMs: 0, error }, 'failed');
        throw new PermanentJobError(error);
      }
      const outcome =
        url === null
          ? { statusCode: null, durationMs: 0, error: 'No webhook URL is configured' }
          : await sendWebhook(
              {
                url,
                secrets: await apps.webhookSigningSecrets(app.id),
                id: delivery.id,
                timestamp: new Date(clock.now()),
                body: delivery.body,
                ...(delivery.headers !== null
                  ? {
                      dialect: {
                        headers: JSON.parse(delivery.headers) as Record<string, string>,
                        acknowledgement: (delivery.acknowledgement ?? 'status') as Acknowledgement,
                      },
                    }
                  : {}),
              },
              ctx.signal,
              targets,
              deps.resolve,
            );
      const status = outcome.error === null ? 'delivered' : final ? 'failed' : 'failing';
      await record(delivery, round, { url, ...outcome }, status);
      if (outcome.error !== null) throw new Error(outcome.error);
    },
  });
  jobs.register(deliverJob as Parameters<JobQueue['register']>[0]);

  async function deliveriesOf(rows: WebhookDeliveryRow[]): Promise<WebhookDelivery[]> {
    const attempts = await listAttempts(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toDelivery(row, attempts));
  }

  async function ownDelivery(on: Db, appId: string, id: string): Promise<WebhookDeliveryRow> {
    const row = id.length <= 64 ? await findDelivery(on, id) : undefined;
    if (!row || row.app_id !== appId) throw webhookErrors.DELIVERY_NOT_FOUND({ id });
    return row;
  }

  return {
    /**
     * Records an event for an app's server and enqueues its delivery, in the caller's
     * transaction: the callback exists exactly when the state change commits.
     *
     * @example
     * await db.transaction().execute(async (trx) => {
     *   await markPaid(trx, order);
     *   await webhooks.enqueueEvent(trx, { appId: order.appId, type: 'payment.succeeded', data: { order_id } });
     * });
     */
    async enqueueEvent(trx: Db, event: WebhookEvent): Promise<{ id: string }> {
      const now = clock.now();
      const id = newId('msg');
      const body = JSON.stringify({
        type: event.type,
        timestamp: new Date(now).toISOString(),
        data: event.data,
      });
      await insertDelivery(trx, {
        id,
        app_id: event.appId,
        event_type: event.type,
        body,
        status: 'pending',
        round: 1,
        attempts: 0,
        last_attempt_at: null,
        delivered_at: null,
        created_at: now,
        updated_at: now,
        target_url: null,
        headers: null,
        acknowledgement: null,
      });
      await enqueueRound(trx, id, 1);
      return { id };
    },

    /**
     * Records a callback in another platform's form and enqueues its delivery, in the
     * caller's transaction, like `enqueueEvent`: retried, listed and redelivered the same way.
     */
    async enqueueDialectCallback(trx: Db, callback: DialectCallback): Promise<{ id: string }> {
      const now = clock.now();
      const id = newId('msg');
      await insertDelivery(trx, {
        id,
        app_id: callback.appId,
        event_type: callback.type,
        body: callback.body,
        status: 'pending',
        round: 1,
        attempts: 0,
        last_attempt_at: null,
        delivered_at: null,
        created_at: now,
        updated_at: now,
        target_url: callback.url,
        headers: JSON.stringify(callback.headers),
        acknowledgement: callback.acknowledgement,
      });
      await enqueueRound(trx, id, 1);
      return { id };
    },

    async callDialect(callback, timeoutMs) {
      const outcome = await sendWebhook(
        {
          url: callback.url,
          secrets: [],
          id: newId('msg'),
          timestamp: new Date(clock.now()),
          body: callback.body,
          dialect: { headers: callback.headers, acknowledgement: 'err_no' },
        },
        AbortSignal.timeout(timeoutMs),
        targets,
        deps.resolve,
      );
      return { statusCode: outcome.statusCode, answer: outcome.answer ?? null, error: outcome.error };
    },

    /** Deliveries of an app with their attempts, newest first (any member of its org). */
    async list(
      caller: AppCaller,
      appid: string,
      page: { before?: string; limit?: number } = {},
    ): Promise<WebhookDelivery[]> {
      const app = await apps.requireRole(caller, appid, 'viewer');
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
      return deliveriesOf(await listDeliveries(db, app.id, { ...page, limit }));
    },

    async get(caller: AppCaller, appid: string, id: string): Promise<WebhookDelivery> {
      const app = await apps.requireRole(caller, appid, 'viewer');
      const [delivery] = await deliveriesOf([await ownDelivery(db, app.id, id)]);
      return delivery as WebhookDelivery;
    },

    /** Sends a delivery again from the start, with the same id and body (role ≥ developer). */
    async redeliver(caller: AppCaller, appid: string, id: string): Promise<WebhookDelivery> {
      const app = await apps.requireRole(caller, appid, 'developer');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await ownDelivery(trx, app.id, id);
        const round = Number(row.round) + 1;
        await updateDelivery(trx, row.id, { round, status: 'pending', updated_at: now });
        await enqueueRound(trx, row.id, round);
      });
      const [delivery] = await deliveriesOf([await ownDelivery(db, app.id, id)]);
      return delivery as WebhookDelivery;
    },
  };
}
