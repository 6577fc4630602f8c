import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../db/clock.ts';
import type { Db } from '../db/database.ts';
import type { Principal } from '../http/access.ts';
import { httpErrors } from '../http/errors.ts';
import { up } from './migrations/2026_11_25_0050_idempotency.ts';

/**
 * `Idempotency-Key` for mutating calls (a route opts in with `config: { idempotent: true }`):
 * the first request with a key runs and its response is stored; a repeat with the same
 * key and the same request gets that response again (header `idempotent-replayed: true`);
 * the same key with a different request is a 409. Keys are scoped to the caller and
 * kept for 24 hours. A request that crashed mid-way frees its key after the lock
 * expires; the operations behind such routes are idempotent by their own natural keys
 * too (e.g. `out_order_no`), so a rerun cannot do the work twice.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

export const idempotencyMigrations = { '2026_11_25_0050_idempotency': { up } };

const keyPattern = /^[A-Za-z0-9_.:-]{1,255}$/;
const lockMs = 30_000;
const keepMs = 24 * 3600_000;

function scopeOf(p: Principal): string {
  switch (p.kind) {
    case 'app':
      return `app:${p.appId}`;
    case 'user':
      return `user:${p.userId}`;
    case 'account':
      return `account:${p.accountId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params ?? {})}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

/** A route's own hooks of one kind with `hook` after them (Fastify takes one or a list). */
function withHook<H>(own: H | H[] | undefined, hook: H): H[] {
  return [...(own === undefined ? [] : Array.isArray(own) ? own : [own]), hook];
}

export function installIdempotency(app: FastifyInstance, db: Db, clock: Clock): void {
  // Hooked onto the routes that opt in only: every other request skips both hooks.
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = withHook(route.preHandler, claimKey);
    route.onSend = withHook(route.onSend, keepAnswer);
  });

  async function claimKey(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !keyPattern.test(header)) {
      throw httpErrors.BAD_REQUEST(
        undefined,
        'Idempotency-Key must be 1-255 characters of A-Z a-z 0-9 _ . : -',
      );
    }
    const scope = scopeOf(request.principal);
    const hash = hashRequest(request);
    const now = clock.now();
    // Claim the key: insert, or take over an expired lock / stale record.
    await db
      .deleteFrom('idempotency_key')
      .where('created_at', '<', now - keepMs)
      .where('scope', '=', scope)
      .execute();
    const inserted = await db
      .insertInto('idempotency_key')
      .values({ scope, key: header, request_hash: hash, created_at: now, locked_until: now + lockMs })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
      request.idempotency = { scope, key: header };
      return;
    }
    const row = await db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', header)
      .executeTakeFirst();
    if (!row) throw httpErrors.IDEMPOTENCY_IN_PROGRESS();
    if (row.request_hash !== hash) throw httpErrors.IDEMPOTENCY_CONFLICT();
    if (row.status_code !== 0) {
      reply.header('idempotent-replayed', 'true');
      reply.code(row.status_code).type('application/json; charset=utf-8');
      return reply.send(row.response_body ?? '');
    }
    if (row.locked_until > now) throw httpErrors.IDEMPOTENCY_IN_PROGRESS();
    // The first attempt died mid-way: take the key over and run again.
    const taken = await db
      .updateTable('idempotency_key')
      .set({ locked_until: now + lockMs })
      .where('scope', '=', scope)
      .where('key', '=', header)
      .where('status_code', '=', 0)
      .where('locked_until', '<=', now)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw httpErrors.IDEMPOTENCY_IN_PROGRESS();
    request.idempotency = { scope, key: header };
  }

  async function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      // A failure on our side is not an answer: free the key so a retry runs again.
      await db
        .deleteFrom('idempotency_key')
        .where('scope', '=', claim.scope)
        .where('key', '=', claim.key)
        .execute();
      return payload;
    }
    await db
      .updateTable('idempotency_key')
      .set({ status_code: reply.statusCode, response_body: typeof payload === 'string' ? payload : null })
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return payload;
  }
}
