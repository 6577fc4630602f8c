import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type CreatedOrder,
  PlazaApiError,
  PlazaClient,
  verifyWebhook,
  WebhookSignatureError,
} from '@plaza/server-sdk';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { minOrderCents, priceOrder } from './menu.ts';

export interface MerchantConfig {
  plazaUrl: string;
  appid: string;
  secret: string;
  /** The app's `whsec_…` signing secret, to verify Plaza's callbacks. */
  webhookSecret: string;
  /** How long the kitchen takes before the order counts as delivered and is settled. */
  deliveryMs: number;
  /** The app's "Order status" subscription-message template: the user hears when the order is delivered. */
  orderTemplateId?: string | undefined;
  log?: boolean;
}

/** An order as the shop keeps it. */
export interface ShopOrder {
  orderId: string;
  outOrderNo: string;
  openid: string;
  totalCents: number;
  status: 'awaiting_payment' | 'paid' | 'delivered' | 'settled' | 'closed' | 'refunded';
  events: string[];
  subject: string;
  /** The user accepted the order-status message: it is sent once the order is delivered. */
  notify: 'no' | 'wanted' | 'sent';
}

const orderBody = z.strictObject({
  items: z
    .array(z.strictObject({ dishId: z.string().max(64), quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(50),
  remark: z.string().max(200).optional(),
  totalCents: z.number().int().min(0),
});

/**
 * The takeout shop's own server, as a merchant writes it with the Plaza server SDK:
 * login (code2session), orders (priced here, created on Plaza), Plaza's signed callbacks,
 * and after delivery the settlement.
 */
export async function createMerchantServer(
  config: MerchantConfig,
): Promise<{ app: FastifyInstance; orders: Map<string, ShopOrder> }> {
  const plaza = new PlazaClient({ baseUrl: config.plazaUrl, appid: config.appid, secret: config.secret });
  const sessionKey = randomBytes(32);
  const orders = new Map<string, ShopOrder>();
  const app = Fastify({ logger: config.log ?? false });

  // The mini program calls from the super app's origin: allow it, with the Authorization header.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'content-type, authorization');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (request.method === 'OPTIONS') return reply.code(204).send();
  });
  // Callbacks are verified over the exact bytes Plaza signed.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, { raw: body, json: body ? JSON.parse(body as string) : {} });
    } catch {
      done(Object.assign(new Error('malformed JSON'), { statusCode: 400 }), undefined);
    }
  });

  const sign = (openid: string) => {
    const payload = Buffer.from(openid).toString('base64url');
    return `${payload}.${createHmac('sha256', sessionKey).update(payload).digest('base64url')}`;
  };
  const openidOf = (authorization: string | undefined): string | undefined => {
    const token = authorization?.replace(/^Bearer\s+/i, '');
    const [payload, mac] = token?.split('.') ?? [];
    if (!payload || !mac) return undefined;
    const expected = Buffer.from(createHmac('sha256', sessionKey).update(payload).digest('base64url'));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return Buffer.from(payload, 'base64url').toString();
  };
  const fail = (status: number, code: string, message: string) => ({
    status,
    body: { error: { code, message } },
  });

  app.post('/api/session', async (request, reply) => {
    const code = (request.body as { json: { code?: unknown } }).json.code;
    if (typeof code !== 'string')
      return reply.code(400).send(fail(400, 'bad_request', 'code is required').body);
    try {
      const session = await plaza.code2session(code);
      return { token: sign(session.openid) };
    } catch (error) {
      if (error instanceof PlazaApiError && error.status < 500)
        return reply.code(401).send(fail(401, 'login_failed', 'Login failed').body);
      throw error;
    }
  });

  app.post('/api/orders', async (request, reply) => {
    const openid = openidOf(request.headers.authorization);
    if (!openid) return reply.code(401).send(fail(401, 'unauthenticated', 'Log in first').body);
    const parsed = orderBody.safeParse((request.body as { json: unknown }).json);
    if (!parsed.success) return reply.code(400).send(fail(400, 'bad_request', 'The order is malformed').body);
    const priced = priceOrder(parsed.data.items);
    if ('unknown' in priced)
      return reply.code(400).send(fail(400, 'unknown_dish', `No dish ${priced.unknown}`).body);
    if (priced.total < minOrderCents)
      return reply.code(400).send(fail(400, 'below_minimum', 'The order is below the minimum').body);
    if (priced.total !== parsed.data.totalCents) {
      return reply.code(409).send(fail(409, 'price_changed', 'Prices changed: please review your cart').body);
    }
    const outOrderNo = `TK${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toUpperCase();
    const created: CreatedOrder = await plaza.orders.create({
      out_order_no: outOrderNo,
      openid,
      total_amount: priced.total,
      currency: 'CNY',
      subject:
        priced.lines.length === 1
          ? (priced.lines[0]?.name ?? 'Takeout')
          : `${priced.lines[0]?.name} and ${priced.lines.length - 1} more`,
      body: parsed.data.remark ?? '',
      items: priced.lines,
      valid_seconds: 900,
    });
    orders.set(created.order_id, {
      orderId: created.order_id,
      outOrderNo,
      openid,
      totalCents: priced.total,
      status: 'awaiting_payment',
      events: [],
      subject: created.subject,
      notify: 'no',
    });
    return { orderId: created.order_id, orderToken: created.order_token, totalCents: priced.total };
  });

  // The order-status message, once the user asked for it and the order is delivered. Plaza
  // spends the consent the user gave in requestSubscribeMessage; without one it refuses.
  const notifyDelivered = (order: ShopOrder) => {
    if (!config.orderTemplateId || order.notify !== 'wanted' || order.status !== 'settled') return;
    order.notify = 'sent';
    const yuan = (order.totalCents / 100).toFixed(2);
    plaza.messages
      .send({
        openid: order.openid,
        template_id: config.orderTemplateId,
        data: {
          // A `thing` holds 20 characters: a longer subject is cut with an ellipsis, not silently.
          thing1: order.subject.length <= 20 ? order.subject : `${order.subject.slice(0, 19)}…`,
          amount2: `¥${yuan}`,
          thing3: 'Delivered',
          character_string4: order.outOrderNo,
        },
        page: `pages/result/result?status=delivered&orderId=${order.orderId}&totalCents=${order.totalCents}`,
      })
      .then(
        () => order.events.push('message.sent'),
        (error: unknown) => app.log.error({ err: error, order: order.orderId }, 'order message not sent'),
      );
  };

  // What the mini program needs to ask for the order-status message.
  app.get('/api/config', async () => ({ orderTemplateId: config.orderTemplateId ?? null }));

  // The user accepted the order-status message for this order (requestSubscribeMessage).
  app.post('/api/orders/:orderId/notify', async (request, reply) => {
    const openid = openidOf(request.headers.authorization);
    if (!openid) return reply.code(401).send(fail(401, 'unauthenticated', 'Log in first').body);
    const order = orders.get((request.params as { orderId: string }).orderId);
    if (!order || order.openid !== openid)
      return reply.code(404).send(fail(404, 'not_found', 'No such order').body);
    if (order.notify === 'no') order.notify = 'wanted';
    notifyDelivered(order);
    return { notify: order.notify };
  });

  app.post('/webhooks/plaza', async (request, reply) => {
    const { raw } = request.body as { raw: string };
    let event: ReturnType<typeof verifyWebhook<{ order_id?: string }>>;
    try {
      event = verifyWebhook<{ order_id?: string }>(
        config.webhookSecret,
        request.headers as Record<string, string>,
        raw,
      );
    } catch (error) {
      if (error instanceof WebhookSignatureError)
        return reply.code(401).send(fail(401, 'bad_signature', error.message).body);
      throw error;
    }
    const order = event.data.order_id ? orders.get(event.data.order_id) : undefined;
    order?.events.push(event.type);
    if (order && event.type === 'payment.paid' && order.status === 'awaiting_payment') {
      order.status = 'paid';
      // The kitchen cooks and the rider delivers; then the shop asks Plaza to settle.
      setTimeout(() => {
        order.status = 'delivered';
        plaza.orders.settle(order.orderId).then(
          () => {
            order.status = 'settled';
            notifyDelivered(order);
          },
          (error: unknown) => app.log.error({ err: error, order: order.orderId }, 'settlement failed'),
        );
      }, config.deliveryMs).unref();
    }
    if (order && event.type === 'order.closed') order.status = 'closed';
    if (order && event.type === 'refund.succeeded') order.status = 'refunded';
    return reply.code(204).send();
  });

  app.get('/orders', async () => ({ orders: [...orders.values()] }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  return { app, orders };
}
