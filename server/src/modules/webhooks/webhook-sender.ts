import { Webhook } from 'standardwebhooks';

export const webhookTimeoutMs = 10_000;
const maxErrorLength = 500;

export interface OutboundWebhook {
  url: string;
  /** Every secret it is signed with (one signature each, space-separated, as the scheme allows). */
  secrets: string[];
  id: string;
  timestamp: Date;
  body: string;
}

export interface SendOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** The Standard Webhooks headers of one try. */
export function signedHeaders(hook: Omit<OutboundWebhook, 'url'>): Record<string, string> {
  const seconds = Math.floor(hook.timestamp.getTime() / 1000);
  const signature = hook.secrets
    .map((secret) => new Webhook(secret).sign(hook.id, hook.timestamp, hook.body))
    .join(' ');
  return {
    'content-type': 'application/json',
    'user-agent': 'Plaza-Webhooks/1',
    'webhook-id': hook.id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signature,
  };
}

/** Whether Plaza will send to this URL at all: http(s) only, no credentials in it. */
export function deliverableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password
    );
  } catch {
    return false;
  }
}

/**
 * One POST, never following redirects (a redirect could point anywhere), given up after
 * 10 s. Resolves with what happened; never throws for network failures.
 */
export async function sendWebhook(hook: OutboundWebhook, signal: AbortSignal): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: signedHeaders(hook),
      body: hook.body,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(webhookTimeoutMs)]),
    });
    // The body is not ours to read; release the connection.
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      durationMs: elapsed(),
      error: ok ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const text =
      error instanceof Error ? `${error.name}: ${error.message}${cause ? ` (${cause})` : ''}` : String(error);
    return { statusCode: null, durationMs: elapsed(), error: text.slice(0, maxErrorLength) };
  }
}
