import type { Platform } from '../../platform.ts';

/** A tiny HTTP client over `app.inject` for the identity tests (and other modules' tests). */
export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the route answers
  json: any;
  headers: Record<string, unknown>;
  /** Cookies the response set, by name (an empty value means cleared). */
  cookies: Record<
    string,
    { value: string; httpOnly?: boolean; sameSite?: string; path?: string; expires?: Date }
  >;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  cookies?: Record<string, string>;
  csrf?: string;
  /** Defaults to a fresh address per call, so per-IP limits only bite where a test wants them. */
  ip?: string;
  headers?: Record<string, string>;
}

let ipCounter = 0;
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

let emailCounter = 0;
export function uniqueEmail(name = 'dev'): string {
  emailCounter += 1;
  return `${name}.${process.pid}.${emailCounter}@example.com`;
}

let phoneCounter = 0;
/** A phone number no other test of this process uses (E.164). */
export function uniquePhone(): string {
  phoneCounter += 1;
  return `+1555${String(process.pid % 10_000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

export const goodPassword = 'correct horse battery';

export function identityClient(platform: Platform) {
  async function call(method: string, url: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.csrf) headers['x-csrf-token'] = options.csrf;
    const res = await platform.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: options.ip ?? freshIp(),
      ...(options.cookies ? { cookies: options.cookies } : {}),
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
    const cookies: Reply['cookies'] = {};
    for (const c of res.cookies as Array<Reply['cookies'][string] & { name: string }>) cookies[c.name] = c;
    return {
      status: res.statusCode,
      json: res.body ? res.json() : undefined,
      headers: res.headers,
      cookies,
    };
  }

  async function signUp(email = uniqueEmail(), password = goodPassword, name = 'Dev') {
    const res = await call('POST', '/api/accounts', { body: { email, name, password } });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json.account as { id: string; email: string; name: string; operator: boolean };
  }

  /** Signs up (unless the email exists) and signs in: the bearer token and the cookie pair. */
  async function developer(email = uniqueEmail()) {
    const account = await signUp(email);
    const res = await call('POST', '/api/sessions', { body: { email, password: goodPassword } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.json)}`);
    return {
      account,
      token: res.json.token as string,
      csrf: res.json.csrf_token as string,
      cookies: {
        plaza_session: res.cookies.plaza_session?.value ?? '',
        plaza_csrf: res.cookies.plaza_csrf?.value ?? '',
      },
    };
  }

  /**
   * Signs an end user in by phone through the dev inbox: the platform must run in demo
   * mode (`startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } })`).
   */
  async function endUser(phone = uniquePhone()) {
    const sent = await call('POST', '/api/users/otp', { body: { phone } });
    if (sent.status !== 202)
      throw new Error(`code request failed: ${sent.status} ${JSON.stringify(sent.json)}`);
    const inbox = await call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
    if (inbox.status !== 200) throw new Error('the dev inbox needs demo mode (PLAZA_DEMO=true)');
    const res = await call('POST', '/api/users/sessions', {
      body: { phone, code: inbox.json.messages[0].code },
    });
    if (res.status !== 200) throw new Error(`user sign-in failed: ${res.status} ${JSON.stringify(res.json)}`);
    return {
      user: res.json.user as { id: string; phone: string },
      token: res.json.token as string,
      csrf: res.json.csrf_token as string,
      cookies: {
        plaza_user_session: res.json.token as string,
        plaza_user_csrf: res.json.csrf_token as string,
      },
    };
  }

  return { call, signUp, developer, endUser };
}
