import type { PaymentOutcome, RequestHandler, Scenario, SimulatedRequest, SimulatedResponse } from './scenario.ts';
import { defaultSystemInfo } from './scenario.ts';

/** What the host answered one capability call with: `success` data or a `fail` message. */
export type HostAnswer = { ok: true; result: Record<string, unknown> } | { ok: false, errMsg: string };

/** One host capability call as a test reads it back. */
export interface HostCall {
  api: string;
  params: Record<string, unknown>;
  answer: HostAnswer;
}

/** What the user saw of the host's own UI: toasts, modals, loading, titles. */
export interface HostUi {
  toasts: string[];
  modals: Array<{ title: string; content: string; answer: 'confirm' | 'cancel' }>;
  navigationBarTitle: string | undefined;
  loading: boolean;
}

type Handler = (params: Record<string, unknown>, api: string) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** Thrown by a handler to answer `fail` with `errMsg` `<api>:fail <reason>`. */
class HostRefusal extends Error {}

const PAY_CODES: Record<PaymentOutcome, number> = { paid: 0, timeout: 1, failed: 2, closed: 3, cancelled: 4 };

/**
 * The simulated host: answers every capability from the scenario, keeps storage, and
 * logs each call so a test can assert what the program asked for.
 */
export class ScenarioHost {
  readonly calls: HostCall[] = [];
  readonly ui: HostUi = { toasts: [], modals: [], navigationBarTitle: undefined, loading: false };
  readonly storage = new Map<string, unknown>();
  private readonly handlers: Record<string, Handler>;
  private loginCount = 0;

  constructor(private readonly scenario: Scenario = {}) {
    for (const [key, value] of Object.entries(scenario.storage ?? {})) this.storage.set(key, structuredClone(value));
    this.handlers = this.builtInHandlers();
  }

  /** Answers one capability call; never throws: a refusal is a `fail` answer. */
  async call(api: string, params: Record<string, unknown> = {}): Promise<HostAnswer> {
    const name = api.replace(/Sync$/, '');
    const custom = this.scenario.apis?.[api] ?? this.scenario.apis?.[name];
    const handler: Handler | undefined = custom
      ? async (p) => ((await custom(p)) ?? {}) as Record<string, unknown>
      : this.handlers[name];
    let answer: HostAnswer;
    if (!handler) {
      answer = { ok: false, errMsg: `${api}:fail not supported by the simulator scenario` };
    } else {
      try {
        answer = { ok: true, result: { errMsg: `${api}:ok`, ...(await handler(params, api)) } };
      } catch (err) {
        answer = { ok: false, errMsg: `${api}:fail ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    this.calls.push({ api, params, answer });
    return answer;
  }

  /** Whether the scenario can answer this API at all (for `plaza check`'s support report). */
  supports(api: string): boolean {
    const name = api.replace(/Sync$/, '');
    return name in this.handlers || Boolean(this.scenario.apis?.[api] ?? this.scenario.apis?.[name]);
  }

  private builtInHandlers(): Record<string, Handler> {
    const s = this.scenario;
    const refuse = (reason: string): never => {
      throw new HostRefusal(reason);
    };
    const storage = this.storage;
    return {
      login: () => {
        if (s.login === 'denied') refuse('auth deny');
        this.loginCount += 1;
        const login = s.login === 'denied' ? {} : (s.login ?? {});
        return {
          code: login.code ?? `sim-code-${this.loginCount}`,
          anonymousCode: login.anonymousCode ?? `sim-anon-${this.loginCount}`,
          isLogin: true,
        };
      },
      checkSession: () => (this.loginCount > 0 ? {} : refuse('session expired')),
      getUserInfo: () => this.userInfo(refuse),
      getUserProfile: () => this.userInfo(refuse),
      pay: (params) => ({ code: PAY_CODES[this.paymentOutcome(params)] }),
      // WeChat's cashier reports anything but success as fail.
      requestPayment: (params) => {
        const outcome = this.paymentOutcome(params);
        if (outcome === 'paid') return {};
        return refuse(outcome === 'cancelled' || outcome === 'closed' ? 'cancel' : outcome);
      },
      request: (params) => this.request(params, refuse),
      setStorage: (p) => {
        storage.set(String(p.key), structuredClone(p.data));
        return {};
      },
      getStorage: (p) => (storage.has(String(p.key)) ? { data: storage.get(String(p.key)) } : refuse('data not found')),
      removeStorage: (p) => {
        storage.delete(String(p.key));
        return {};
      },
      clearStorage: () => {
        storage.clear();
        return {};
      },
      getStorageInfo: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
      getSystemInfo: () => ({ ...defaultSystemInfo, ...s.systemInfo }),
      showToast: (p) => {
        this.ui.toasts.push(String(p.title ?? ''));
        return {};
      },
      hideToast: () => ({}),
      showLoading: () => {
        this.ui.loading = true;
        return {};
      },
      hideLoading: () => {
        this.ui.loading = false;
        return {};
      },
      showModal: (p) => {
        const answer = typeof s.modal === 'function' ? s.modal(p) : (s.modal ?? 'confirm');
        this.ui.modals.push({ title: String(p.title ?? ''), content: String(p.content ?? ''), answer });
        return { confirm: answer === 'confirm', cancel: answer === 'cancel' };
      },
      showActionSheet: () =>
        s.actionSheet === 'cancel' ? refuse('cancel') : { tapIndex: s.actionSheet ?? 0 },
      setNavigationBarTitle: (p) => {
        this.ui.navigationBarTitle = String(p.title ?? '');
        return {};
      },
      setNavigationBarColor: () => ({}),
      vibrateShort: () => ({}),
      setClipboardData: () => ({}),
      makePhoneCall: () => ({}),
      requestSubscribeMessage: (p) =>
        Object.fromEntries(((p.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
    };
  }

  private userInfo(refuse: (reason: string) => never): Record<string, unknown> {
    if (this.scenario.userInfo === 'denied') refuse('auth deny');
    const info = this.scenario.userInfo === 'denied' ? undefined : this.scenario.userInfo;
    return { userInfo: { nickName: 'Simulated user', avatarUrl: '', ...info } };
  }

  private paymentOutcome(params: Record<string, unknown>): PaymentOutcome {
    const payment = this.scenario.payment;
    return typeof payment === 'function' ? payment(params) : (payment ?? 'paid');
  }

  private async request(
    params: Record<string, unknown>,
    refuse: (reason: string) => never,
  ): Promise<Record<string, unknown>> {
    const request = toRequest(params);
    const handler = findHandler(this.scenario.requests ?? {}, request);
    if (handler === undefined) return refuse(`no scenario handler for ${request.method} ${request.url}`);
    const response: SimulatedResponse =
      typeof handler === 'function' ? await (handler as RequestHandler)(request) : { body: handler };
    return { statusCode: response.status ?? 200, data: structuredClone(response.body ?? ''), header: response.headers ?? {} };
  }
}

function toRequest(params: Record<string, unknown>): SimulatedRequest {
  const url = String(params.url ?? '');
  const parsed = URL.canParse(url) ? new URL(url) : new URL(url, 'http://invalid.local');
  const headers = Object.fromEntries(
    Object.entries((params.header ?? params.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  let body = params.data;
  if (typeof body === 'string' && /json/.test(headers['content-type'] ?? 'json')) {
    try {
      body = JSON.parse(body);
    } catch {
      // A non-JSON string body stays a string.
    }
  }
  return {
    method: String(params.method ?? 'GET').toUpperCase(),
    url: `${parsed.origin}${parsed.pathname}`,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers,
    body,
  };
}

function findHandler(requests: Record<string, unknown>, request: SimulatedRequest): unknown {
  const keys = [
    `${request.method} ${request.url}`,
    `${request.method} ${request.path}`,
    request.url,
    request.path,
  ];
  for (const key of keys) if (key in requests) return requests[key];
  return undefined;
}
