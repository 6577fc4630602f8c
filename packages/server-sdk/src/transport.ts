import { randomUUID } from 'node:crypto';
import { PlazaApiError } from './errors.ts';

export interface TransportOptions {
  baseUrl: string;
  /** Attempts for a call that failed on the network, with 5xx or 429 (default 4). */
  maxAttempts?: number;
  /** First backoff in ms, doubled each retry with full jitter (default 200). */
  backoffMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  bearer?: string;
  /** Sent on mutations; the same key on every retry so the platform runs the call once. */
  idempotencyKey?: string;
}

const retryable = (status: number) => status === 429 || status >= 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * JSON over HTTP with retries. A mutation always carries an `Idempotency-Key` (the
 * caller's, or one made for this call), so a retry after a lost response is safe.
 */
export async function call<T>(options: TransportOptions, c: CallOptions): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoff = options.backoffMs ?? 200;
  const url = new URL(
    c.path.replace(/^\//, ''),
    options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
  );
  for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  if (c.bearer) headers.authorization = `Bearer ${c.bearer}`;
  if (c.method !== 'GET') headers['idempotency-key'] = c.idempotencyKey ?? randomUUID();

  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(Math.random() * backoff * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await doFetch(url, {
        method: c.method,
        headers,
        ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      lastError = error;
      continue;
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (response.ok) return json as T;
    const envelope = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    const error = new PlazaApiError(
      response.status,
      envelope?.code ?? `HTTP_${response.status}`,
      envelope?.message ?? response.statusText,
      envelope?.details,
      response.headers.get('x-request-id') ?? undefined,
    );
    if (!retryable(response.status)) throw error;
    lastError = error;
  }
  throw lastError;
}
