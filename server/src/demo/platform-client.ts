import { demoErrors } from './errors.ts';

/**
 * The platform's HTTP API as the demo seed calls it: JSON in and out, a bearer token per
 * caller, and any non-2xx answer turned into an error naming the call.
 *
 * @example
 * const dev = platformClient(base).as(token);
 * const { org } = await dev.json<{ org: { id: string } }>('POST', '/api/orgs', { name: 'Shop' });
 */
export interface PlatformClient {
  as(token: string): PlatformClient;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Sends a raw body (a package archive, a multipart form) and reads the JSON answer. */
  send<T>(method: string, path: string, body: BodyInit, contentType?: string): Promise<T>;
}

export function platformClient(base: string, token?: string): PlatformClient {
  async function call<T>(method: string, path: string, body: BodyInit | undefined, type?: string) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (type) headers['content-type'] = type;
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    if (!res.ok) throw demoErrors.CALL_FAILED(`${method} ${path}`, res.status, text.slice(0, 500));
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    as: (next) => platformClient(base, next),
    json: (method, path, body) =>
      call(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        body === undefined ? undefined : 'application/json',
      ),
    send: (method, path, body, contentType) => call(method, path, body, contentType),
  };
}
