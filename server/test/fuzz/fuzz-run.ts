import { diffSnapshots, snapshotDatabase, type UnhashedColumns } from './database-snapshot.ts';
import { admittedBy, type FuzzPrincipal, type TestPlatform } from './fuzz-world.ts';
import type { FuzzRequest } from './hostile-requests.ts';
import type { Operation } from './openapi-operations.ts';
import { conventionProblem, dialectRefusal, leakedFile } from './refusal-envelope.ts';

/**
 * Tables a refused request may still write, each for a reason of its own: failed
 * credentials are counted (that is how guessing is throttled), and the platform's signing
 * keys are made on first use, by whichever request first needs to check a signature (or,
 * for Douyin's trade callbacks, to hand out the public key that checks them).
 */
export const refusalBookkeeping: ReadonlySet<string> = new Set([
  'login_throttle',
  'app_credential_throttle',
  'platform_key',
  'content_key',
  'douyin_platform_key',
]);

/**
 * Columns a refused request may still move: a wrong sign-in code counts one try against the
 * code (the limit that stops guessing), and nothing else of the code's row may change.
 */
export const refusalCounters: UnhashedColumns = { phone_otp: ['attempts'] };

/**
 * Reads that record what they served: a feed page tells the recommender which videos each
 * viewer was shown (so pages do not repeat) and counts the impressions of items and their
 * providers (the exposure that fairness regulates) and the day's categories shown (what guests
 * are judged by). Only a page actually served may write them.
 */
export const servedBookkeeping: Readonly<Record<string, ReadonlySet<string>>> = {
  'GET /api/feed': new Set([
    'rec_item',
    'rec_provider',
    'rec_seen',
    'rec_user_feature',
    'rec_daytime_feature',
  ]),
};

let addressCounter = 0;
/** A fresh loopback-free address per request, so per-IP limits never answer for the rule under test. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.${128 + ((addressCounter >> 16) & 127)}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export interface Sent {
  status: number;
  code: string | undefined;
  /** How the reply breaks the API's conventions, if it does. */
  problem: string | undefined;
}

/** Sends one fuzz request as a caller (its bearer token unless the request brings its own credentials). */
export async function send(
  t: TestPlatform,
  op: Operation,
  req: FuzzRequest,
  token: string | undefined,
): Promise<Sent> {
  const headers: Record<string, string> = { ...req.headers };
  const ownCredentials = 'authorization' in headers || 'cookie' in headers;
  if (token && !ownCredentials) headers.authorization = `Bearer ${token}`;
  const res = await t.app.inject({
    method: op.method as 'GET',
    url: req.url,
    headers,
    remoteAddress: nextAddress(),
    ...(req.payload === undefined ? {} : { payload: req.payload }),
  });
  let code: string | undefined;
  try {
    code =
      res.statusCode >= 400 ? (JSON.parse(res.body) as { error?: { code?: string } }).error?.code : undefined;
  } catch {
    code = undefined;
  }
  const problem =
    conventionProblem(res.statusCode, res.headers['content-type']?.toString(), res.body) ??
    leakedFile(res.statusCode, res.body);
  // A dialect's refusal is HTTP 200 by that platform's design: counted as a 400 here.
  if (dialectRefusal(req.url, res.statusCode, res.body))
    return { status: 400, code: 'DIALECT_REFUSAL', problem };
  return { status: res.statusCode, code, problem };
}

/** What the access rules say a caller gets, or undefined when the route's own rules decide. */
export function accessProblem(
  op: Operation,
  who: FuzzPrincipal,
  req: FuzzRequest,
  got: Sent,
  endsCredentials: boolean,
): string | undefined {
  // Sign-outs and takedowns end the very credentials the fuzzer goes on sending.
  if (endsCredentials && got.code === 'HTTP_INVALID_CREDENTIALS') return;
  // A path the router cannot match or decode never reaches access control.
  if (got.code === 'HTTP_NOT_FOUND' || (got.code === 'HTTP_BAD_REQUEST' && req.label.startsWith('path ')))
    return;
  if ('authorization' in req.headers || 'cookie' in req.headers) return;
  // A dot segment is resolved before routing, so the request names another route.
  if (/^path [^=]+=(?:.*\/)?(?:\.\.|%2e%2e)(?:\/|$)/i.test(req.label)) return;
  const admitted = admittedBy[who](op.audiences);
  if (!admitted) {
    const expected = who === 'anonymous' ? 'HTTP_UNAUTHENTICATED' : 'HTTP_FORBIDDEN';
    if (got.code !== expected) return `expected ${expected} for ${who}, got ${got.status} ${got.code ?? ''}`;
    return;
  }
  // An id that names nothing is malformed (400) or unknown (404), never forbidden: a 403
  // would tell a caller that the object exists.
  if (req.label.startsWith('path ') && got.status >= 400 && ![400, 404, 415].includes(got.status))
    return `a made-up path parameter got ${got.status} ${got.code ?? ''}`;
  // Its credential is valid: a refusal of it, or a claim that none was sent, is wrong.
  if (got.code === 'HTTP_UNAUTHENTICATED' || got.code === 'HTTP_INVALID_CREDENTIALS')
    return `admitted ${who} got ${got.status} ${got.code}`;
  return;
}

export interface BatchOutcome {
  failures: string[];
  requests: number;
  accepted: number;
}

/**
 * Sends a batch as one caller and checks every reply: under 500, the error envelope with
 * a documented code, the access rules; a request that must be refused is refused, and a
 * batch where every request was refused (or that only reads) leaves the database as it was.
 */
export async function runBatch(
  t: TestPlatform,
  op: Operation,
  who: FuzzPrincipal,
  token: string | undefined,
  requests: readonly FuzzRequest[],
  endsCredentials = false,
): Promise<BatchOutcome> {
  const failures: string[] = [];
  if (requests.length === 0) return { failures, requests: 0, accepted: 0 };
  const before = await snapshotDatabase(t.db, t.engine, refusalCounters);
  let accepted = 0;
  const where = (req: FuzzRequest) => {
    const body = req.payload === undefined ? '' : ` ${String(req.payload).slice(0, 120)}`;
    return `${op.method} ${op.path} as ${who}, ${req.label} (${req.url.slice(0, 160)}${body})`;
  };
  for (const req of requests) {
    const got = await send(t, op, req, token);
    if (got.problem) failures.push(`${where(req)}: ${got.problem}`);
    if (got.status < 400) {
      accepted += 1;
      if (req.mustRefuse) failures.push(`${where(req)}: accepted with ${got.status}`);
    }
    const access = accessProblem(op, who, req, got, endsCredentials);
    if (access) failures.push(`${where(req)}: ${access}`);
  }
  if (accepted === 0 || op.method === 'GET') {
    const served = accepted > 0 ? servedBookkeeping[`${op.method} ${op.path}`] : undefined;
    const ignored = served ? new Set([...refusalBookkeeping, ...served]) : refusalBookkeeping;
    const changed = diffSnapshots(before, await snapshotDatabase(t.db, t.engine, refusalCounters), ignored);
    if (changed.length > 0)
      failures.push(
        `${op.method} ${op.path} as ${who}: ${accepted === 0 ? 'refused requests' : 'reads'} changed ${changed.join(', ')}`,
      );
  }
  return { failures, requests: requests.length, accepted };
}
