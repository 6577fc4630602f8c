import { call, type TransportOptions } from './transport.ts';
import type {
  CreatedOrder,
  CreateOrderInput,
  Order,
  OrderStatus,
  Page,
  PhoneNumber,
  Receiver,
  Refund,
  RefundInput,
  SentMessage,
  Session,
  Settlement,
  SplitInput,
  Statement,
  SubscribeMessageInput,
  SupportLine,
  SupportUserLine,
} from './types.ts';

export interface PlazaClientOptions extends Omit<TransportOptions, 'baseUrl'> {
  /** The platform's base URL, e.g. `https://plaza.example.com`. */
  baseUrl: string;
  appid: string;
  secret: string;
  /** Refresh the client token this long before it expires (default 5 minutes). */
  refreshMarginMs?: number;
  now?: () => number;
}

interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * A typed client for a merchant's server.
 *
 * @example
 * const plaza = new PlazaClient({ baseUrl, appid, secret });
 * const { openid } = await plaza.code2session(code);
 * const order = await plaza.orders.create({ out_order_no: 'A1', openid, total_amount: 3200, currency: 'CNY', subject: 'Noodles' });
 */
export class PlazaClient {
  readonly #options: PlazaClientOptions;
  #token?: { value: string; expiresAt: number };
  #pending?: Promise<string>;

  constructor(options: PlazaClientOptions) {
    this.#options = options;
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  /** The client token, fetched once and reused until shortly before it expires. */
  async accessToken(): Promise<string> {
    const margin = this.#options.refreshMarginMs ?? 5 * 60_000;
    if (this.#token && this.#token.expiresAt - margin > this.#now()) return this.#token.value;
    // One refresh at a time: concurrent callers share it.
    this.#pending ??= call<TokenResponse>(this.#options, {
      method: 'POST',
      path: '/api/oauth/client_token',
      body: { appid: this.#options.appid, secret: this.#options.secret, grant_type: 'client_credential' },
    })
      .then((t) => {
        this.#token = { value: t.access_token, expiresAt: this.#now() + t.expires_in * 1000 };
        return t.access_token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** Calls with the client token; a token the platform no longer knows is refreshed once. */
  async #authed<T>(c: Omit<Parameters<typeof call>[1], 'bearer'>): Promise<T> {
    try {
      return await call<T>(this.#options, { ...c, bearer: await this.accessToken() });
    } catch (error) {
      if ((error as { status?: number }).status !== 401) throw error;
      this.#token = undefined;
      return call<T>(this.#options, { ...c, bearer: await this.accessToken() });
    }
  }

  /** Exchanges the one-time `code` from `tt.login`/`wx.login` for the user's pairwise ids. */
  code2session(code: string): Promise<Session> {
    return call<Session>(this.#options, {
      method: 'POST',
      path: '/api/apps/jscode2session',
      body: { appid: this.#options.appid, secret: this.#options.secret, code },
    });
  }

  /** Exchanges the one-time code of a `getPhoneNumber` button for the phone number the user agreed to share. */
  phoneNumber(code: string): Promise<PhoneNumber> {
    return this.#authed({ method: 'POST', path: '/api/apps/phone_number', body: { code } });
  }

  readonly orders = {
    create: (input: CreateOrderInput, options: { idempotencyKey?: string } = {}) =>
      this.#authed<CreatedOrder>({
        method: 'POST',
        path: '/api/payments/orders',
        body: input,
        idempotencyKey: options.idempotencyKey ?? `order:${input.out_order_no}`,
      }),
    get: (orderId: string) =>
      this.#authed<Order>({ method: 'GET', path: `/api/payments/orders/${encodeURIComponent(orderId)}` }),
    getByOutOrderNo: (outOrderNo: string) =>
      this.#authed<Order>({
        method: 'GET',
        path: `/api/payments/orders/by-out-order-no/${encodeURIComponent(outOrderNo)}`,
      }),
    list: (filter: { status?: OrderStatus; cursor?: string; limit?: number } = {}) =>
      this.#authed<Page<Order>>({ method: 'GET', path: '/api/payments/orders', query: { ...filter } }),
    refund: (orderId: string, input: RefundInput) =>
      this.#authed<Refund>({
        method: 'POST',
        path: `/api/payments/orders/${encodeURIComponent(orderId)}/refunds`,
        body: input,
        idempotencyKey: `refund:${input.out_refund_no}`,
      }),
    settle: (orderId: string, input: { splits?: SplitInput[] } = {}) =>
      this.#authed<Settlement>({
        method: 'POST',
        path: `/api/payments/orders/${encodeURIComponent(orderId)}/settle`,
        body: input,
        idempotencyKey: `settle:${orderId}`,
      }),
  };

  /** Who may receive splits: registered once per org, named in `orders.settle`. */
  readonly receivers = {
    create: (input: { name: string; out_receiver_no: string }) =>
      this.#authed<Receiver>({
        method: 'POST',
        path: '/api/payments/receivers',
        body: input,
        idempotencyKey: `receiver:${input.out_receiver_no}`,
      }),
    list: () => this.#authed<{ items: Receiver[] }>({ method: 'GET', path: '/api/payments/receivers' }),
  };

  /** The statement of `[from, to]` (days `YYYY-MM-DD` or ISO times), with totals that reconcile with the ledger. */
  statement(from: string, to: string): Promise<Statement> {
    return this.#authed<Statement>({ method: 'GET', path: '/api/payments/statements', query: { from, to } });
  }

  /**
   * Subscription messages: each send spends one consent the user gave in
   * `requestSubscribeMessage` (none is spent when the platform refuses the send).
   *
   * @example
   * await plaza.messages.send({ openid, template_id, data: { thing1: 'Beef noodles' }, page: 'pages/order/order?id=1' });
   */
  readonly messages = {
    send: (input: SubscribeMessageInput) =>
      this.#authed<SentMessage>({ method: 'POST', path: '/api/messages/subscribe/send', body: input }),
    get: (messageId: string) =>
      this.#authed<SentMessage>({ method: 'GET', path: `/api/messages/${encodeURIComponent(messageId)}` }),
  };

  /**
   * Customer service: the users' lines (also sent as `support.message` webhooks) and the
   * answers, within 48 hours of the user's last line and at most 5 answers to it.
   *
   * @example
   * const { items, next } = await plaza.support.poll({ after: cursor });
   * await plaza.support.reply({ openid: items[0].openid, text: 'It left the kitchen' });
   */
  readonly support = {
    poll: (page: { after?: string; limit?: number } = {}) =>
      this.#authed<{ items: SupportUserLine[]; next: string | null }>({
        method: 'GET',
        path: '/api/support/messages',
        query: { ...page },
      }),
    reply: (input: { openid: string; text: string }) =>
      this.#authed<SupportLine>({ method: 'POST', path: '/api/support/messages', body: input }),
  };

  readonly refunds = {
    get: (refundId: string) =>
      this.#authed<Refund>({ method: 'GET', path: `/api/payments/refunds/${encodeURIComponent(refundId)}` }),
    /** Accepts a refund the user asked for in "My orders". */
    accept: (refundId: string) =>
      this.#authed<Refund>({
        method: 'POST',
        path: `/api/payments/refunds/${encodeURIComponent(refundId)}/accept`,
        body: {},
      }),
    decline: (refundId: string, reason: string) =>
      this.#authed<Refund>({
        method: 'POST',
        path: `/api/payments/refunds/${encodeURIComponent(refundId)}/decline`,
        body: { reason },
      }),
  };
}
