/** The platform's API as the super app calls it: same origin, session cookie, CSRF header on mutations. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** Whose session a call rides on: the super app's end user, or the consoles' account. */
export type SessionKind = 'user' | 'account';
const csrfCookies: Record<SessionKind, string> = { user: 'plaza_user_csrf', account: 'plaza_csrf' };

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  session: SessionKind = 'user',
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return answer<T>(
    await fetch(path, {
      method,
      headers: withCsrf(method, headers, session),
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

/** Posts a file's raw bytes (a chat image); the platform decides what it is from them. */
export async function upload<T>(path: string, file: Blob, session: SessionKind = 'user'): Promise<T> {
  const headers = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
  return answer<T>(
    await fetch(path, {
      method: 'POST',
      headers: withCsrf('POST', headers, session),
      credentials: 'same-origin',
      body: file,
    }),
  );
}

function withCsrf(method: string, headers: Record<string, string>, session: SessionKind) {
  const csrf = cookie(csrfCookies[session]);
  return method !== 'GET' && csrf ? { ...headers, 'x-csrf-token': decodeURIComponent(csrf) } : headers;
}

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.error?.code ?? `HTTP_${res.status}`,
      json.error?.message ?? res.statusText,
    );
  return json as T;
}

export interface User {
  id: string;
  phone: string;
}

// The platform's answers, typed once for the server and every client.
export type { Anchor, FeedPage, FeedVideo } from '@plaza/api-types/platform';
