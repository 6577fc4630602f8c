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

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = cookie('plaza_user_csrf');
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
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
export type { Anchor, FeedPage, FeedReason, FeedVideo } from '@plaza/api-types/platform';
