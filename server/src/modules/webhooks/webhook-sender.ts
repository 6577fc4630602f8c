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
  /**
   * A callback in another platform's form brings its own headers (already signed) instead
   * of Standard Webhooks', and may need an answer body, not just a 2xx, to count as received.
   */
  dialect?: { headers: Record<string, string>; acknowledgement: Acknowledgement };
}

/**
 * What counts as received: any 2xx (Standard Webhooks), or a 2xx whose JSON body says
 * `{"err_no":0}` (Douyin's callbacks are re-sent until the merchant answers so).
 */
export type Acknowledgement = 'status' | 'err_no';

/** The most of an answer read to find its acknowledgement; a receipt is a few bytes. */
const answerLimit = 16 * 1024;

function acknowledged(kind: Acknowledgement, statusCode: number, answer: string): boolean {
  if (statusCode < 200 || statusCode >= 300) return false;
  if (kind === 'status') return true;
  try {
    const json = JSON.parse(answer) as { err_no?: unknown } | null;
    return json !== null && typeof json === 'object' && json.err_no === 0;
  } catch {
    return false;
  }
}

export interface SendOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** The start of the answer's body, when the acknowledgement is read from it. */
  answer?: string;
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
    const acknowledgement = hook.dialect?.acknowledgement ?? 'status';
    const headers = hook.dialect
      ? { 'content-type': 'application/json', 'user-agent': 'Plaza-Webhooks/1', ...hook.dialect.headers }
      : signedHeaders(hook);
    const answer = await new Promise<{ statusCode: number; body: string }>((done, fail) => {
      const request = send(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(hook.body)) },
        // A fresh connection per try: no pooled socket outlives the address check it passed.
        agent: false,
        lookup: checkedLookup(rules, resolve),
        signal: AbortSignal.any([signal, AbortSignal.timeout(webhookTimeoutMs)]),
      });
      request.on('response', (response) => {
        const statusCode = response.statusCode ?? 0;
        if (acknowledgement === 'status') {
          // The body is not ours to read; the status is the answer.
          response.resume();
          done({ statusCode, body: '' });
          request.destroy();
          return;
        }
        // The receipt is in the body: read its start, never more.
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > answerLimit) {
            done({ statusCode, body: body.slice(0, answerLimit) });
            request.destroy();
          }
        });
        response.on('end', () => done({ statusCode, body }));
        response.on('error', fail);
      });
      request.on('error', fail);
      request.end(hook.body);
    });
    const { statusCode } = answer;
    const ok = acknowledged(acknowledgement, statusCode, answer.body);
    const error = ok
      ? null
      : statusCode >= 200 && statusCode < 300
        ? `HTTP ${statusCode} without the acknowledgement {"err_no":0}`
        : `HTTP ${statusCode}`;
    return { statusCode, durationMs: elapsed(), error, answer: answer.body };
  } catch (error) {
    const refused = error instanceof RefusedTarget;
    return {
      statusCode: null,
      durationMs: refused ? 0 : elapsed(),
      error: refused ? refusedTargetMessage : unreachableMessage,
    };
  }
}
