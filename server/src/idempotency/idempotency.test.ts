import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestTarget, type TestTarget, testEngines } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { manualClock } from '../db/clock.ts';
import { openDatabase } from '../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../db/migrator.ts';
import { bearerToken } from '../http/access.ts';
import { createLogger } from '../logging/logger.ts';
import { idempotencyMigrations } from './index.ts';

describe.each(testEngines)('Idempotency-Key on %s', (engine) => {
  let target: TestTarget;
  let app: FastifyInstance;
  let db: ReturnType<typeof openDatabase>['db'];
  let created = 0;
  let failNext = false;
  const clock = manualClock();

  beforeAll(async () => {
    target = await createTestTarget(engine);
    db = openDatabase(target.target).db;
    await migrateToLatest(
      createMigrator(
        db,
        [idempotencyMigrations],
        engine === 'postgres' ? await currentSchema(db) : undefined,
      ),
    );
    app = await buildApp({
      logger: createLogger('silent'),
      bodyLimit: 10_000,
      publicUrl: 'http://x',
      idempotency: { db, clock },
      authenticators: [
        async (req) => {
          const t = bearerToken(req);
          return t ? { kind: 'app', appId: t, tokenId: t } : undefined;
        },
      ],
      modules: async (a) => {
        a.withTypeProvider<ZodTypeProvider>().post(
          '/api/things',
          {
            config: { access: ['app'], idempotent: true },
            schema: { body: z.strictObject({ n: z.number() }) },
          },
          async (req, reply) => {
            if (failNext) {
              failNext = false;
              throw new Error('database went away');
            }
            created += 1;
            return reply.code(201).send({ id: created, n: req.body.n });
          },
        );
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await target.drop();
  });

  const post = (key: string | undefined, body: unknown, app_ = 'app1') =>
    app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { authorization: `Bearer ${app_}`, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body as object,
    });

  it('returns the first result to a repeat, without running twice', async () => {
    const first = await post('k1', { n: 1 });
    const again = await post('k1', { n: 1 });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(created).toBe(first.json().id);
  });

  it('refuses the same key with a different body with 409', async () => {
    await post('k2', { n: 1 });
    const before = created;
    const res = await post('k2', { n: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('HTTP_IDEMPOTENCY_CONFLICT');
    expect(created).toBe(before);
  });

  it('keeps keys private to each caller', async () => {
    const a = await post('shared', { n: 5 }, 'appA');
    const b = await post('shared', { n: 5 }, 'appB');
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('lets a retry run again after a failure on our side', async () => {
    failNext = true;
    const failed = await post('k3', { n: 3 });
    expect(failed.statusCode).toBe(500);
    const retried = await post('k3', { n: 3 });
    expect(retried.statusCode).toBe(201);
  });

  it('runs once when many identical requests race', async () => {
    const before = created;
    const results = await Promise.all(Array.from({ length: 10 }, () => post('race', { n: 9 })));
    const ok = results.filter((r) => r.statusCode === 201);
    expect(created - before).toBe(1);
    for (const r of ok) expect(r.json().id).toBe(before + 1);
    for (const r of results.filter((r) => r.statusCode !== 201)) {
      expect(r.json().error.code).toBe('HTTP_IDEMPOTENCY_IN_PROGRESS');
    }
  });

  it('refuses a malformed key', async () => {
    const res = await post('bad key with spaces', { n: 1 });
    expect(res.statusCode).toBe(400);
  });

  it('forgets a key after 24 hours', async () => {
    const first = await post('old', { n: 7 });
    clock.advance(25 * 3600_000);
    const later = await post('old', { n: 7 });
    expect(later.json().id).not.toBe(first.json().id);
  });
});
