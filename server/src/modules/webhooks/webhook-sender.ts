import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  refusedAddress,
  refusedTargetMessage,
  type WebhookTargetRules,
  webhookUrlProblem,
} from './webhook-target.ts';

export const webhookTimeoutMs = 10_000;
/**
 * The one record of every transport failure (refused, reset, timed out, no such name): a
 * finer message would let a registered URL probe which ports are open.
 */
export const unreachableMessage = 'No HTTP answer from the webhook URL (connection failed or timed out)';

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

/** Finds every address of a host name, as `dns.lookup` with `all: true` does. */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Thrown from the lookup when a name resolves to an address Plaza does not send to. */
class RefusedTarget extends Error {}

/**
 * A `lookup` for `net.connect` that resolves once, checks every address, and hands exactly the
 * checked addresses to the socket: a name cannot be rebound to an internal address between
 * the check and the connection. One bad address refuses the whole name.
 */
function checkedLookup(rules: WebhookTargetRules, resolve: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = String(options.family ?? 0).replace('IPv', '');
        const usable = found.filter((a) => wanted === '0' || String(a.family) === wanted);
        const first = usable[0];
        if (found.some((a) => refusedAddress(a.address, rules) !== null)) {
          callback(new RefusedTarget(refusedTargetMessage), '', 0);
        } else if (!first) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (options.all) {
          (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * One POST, never following redirects (a redirect could point anywhere), given up after
 * 10 s, and only to a public address unless `rules` allow loopback: a refused target is never
 * connected to. Every transport failure is recorded in one form, so the record does not tell
 * an open port from a closed or filtered one. Resolves with what happened; never throws.
 */
export async function sendWebhook(
  hook: OutboundWebhook,
  signal: AbortSignal,
  rules: WebhookTargetRules,
  resolve: HostResolver = systemResolver,
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (webhookUrlProblem(hook.url, rules) !== null) {
    return { statusCode: null, durationMs: 0, error: refusedTargetMessage };
  }
  const url = new URL(hook.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    const statusCode = await new Promise<number>((done, fail) => {
      const request = send(url, {
        method: 'POST',
        headers: { ...signedHeaders(hook), 'content-length': String(Buffer.byteLength(hook.body)) },
        // A fresh connection per try: no pooled socket outlives the address check it passed.
        agent: false,
        lookup: checkedLookup(rules, resolve),
        signal: AbortSignal.any([signal, AbortSignal.timeout(webhookTimeoutMs)]),
      });
      request.on('response', (response) => {
        // The body is not ours to read; the status is the answer.
        response.resume();
        done(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', fail);
      request.end(hook.body);
    });
    const ok = statusCode >= 200 && statusCode < 300;
    return { statusCode, durationMs: elapsed(), error: ok ? null : `HTTP ${statusCode}` };
  } catch (error) {
    const refused = error instanceof RefusedTarget;
    return {
      statusCode: null,
      durationMs: refused ? 0 : elapsed(),
      error: refused ? refusedTargetMessage : unreachableMessage,
    };
  }
}
