/**
 * The platform's API as the browser calls it: same origin, session cookie, CSRF header on
 * mutations. The super app and the consoles have their own session (and CSRF cookie).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** Whose session a call rides on: the super app's end user, or the consoles' account. */
export type SessionKind = 'user' | 'account';
const csrfCookies: Record<SessionKind, string> = { user: 'plaza_user_csrf', account: 'plaza_csrf' };

export type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The super app's client (end users' session), or the consoles' with `session: 'account'`. */
export function api<T>(
  method: string,
  path: string,
  body?: unknown,
  session: SessionKind = 'user',
): Promise<T> {
  return call<T>(session, method, path, body);
}

/** Posts a file's raw bytes (a chat image); the platform decides what it is from them. */
export async function upload<T>(path: string, file: Blob, session: SessionKind = 'user'): Promise<T> {
  const headers = withCsrf(session, 'POST', {
    accept: 'application/json',
    'content-type': file.type || 'application/octet-stream',
  });
  return answer<T>(await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file }));
}

/** Turns an answer that is not 2xx into the platform's coded error. */
export function errorOf(status: number, statusText: string, json: unknown): ApiError {
  const error = (json as { error?: { code: string; message: string } } | null)?.error;
  return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? statusText);
}

/** The CSRF token of a session, for a request made without `api` (an upload with progress). */
export function csrfToken(session: SessionKind): string | undefined {
  const csrf = cookie(csrfCookies[session]);
  return csrf === undefined ? undefined : decodeURIComponent(csrf);
}

function withCsrf(
  session: SessionKind,
  method: string,
  headers: Record<string, string>,
): Record<string, string> {
  const csrf = csrfToken(session);
  return method !== 'GET' && csrf ? { ...headers, 'x-csrf-token': csrf } : headers;
}

async function call<T>(session: SessionKind, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers: withCsrf(session, method, headers),
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return answer<T>(res);
}

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => ({}));
  if (!res.ok) throw errorOf(res.status, res.statusText, json);
  return json as T;
}

export interface User {
  id: string;
  phone: string;
}

// The platform's answers, typed once for the server and every client.
export type { Anchor, FeedPage, FeedReason, FeedVideo } from '@plaza/api-types/platform';
