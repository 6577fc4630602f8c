import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget, Engine } from '../../src/db/database.ts';

/**
 * Test storage on both engines. SQLite always; PostgreSQL from PLAZA_TEST_DATABASE_URL
 * (default: the local server with trust auth). Each target is isolated — its own file,
 * or its own schema — and removed by `drop()`.
 *
 * When the variable is set explicitly, an unreachable server fails the run; when it is
 * not, a machine without PostgreSQL runs the SQLite half and says so.
 */
const explicitUrl = process.env.PLAZA_TEST_DATABASE_URL;
const pgUrl = explicitUrl || 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (explicitUrl)
      throw new Error(`PLAZA_TEST_DATABASE_URL=${explicitUrl} is unreachable: ${String(error)}`);
    process.stderr.write(`PostgreSQL not reachable at ${pgUrl}: its tests are skipped on this machine\n`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The engines the store tests run on here: `describe.each(testEngines)`. */
export const testEngines: Engine[] = (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestTarget {
  engine: Engine;
  target: DatabaseTarget;
  /** The target as PLAZA_DATABASE_URL / PLAZA_DATA_DIR for a child server process. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * `ownDatabase` gives a PostgreSQL target a whole database of its own instead of a schema,
 * so the server's per-database counters (`deadlocksIn`) count only what ran on it.
 */
export async function createTestTarget(
  engine: Engine,
  options: { ownDatabase?: boolean } = {},
): Promise<TestTarget> {
  if (engine === 'postgres' && options.ownDatabase) return ownDatabase();
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'plaza-test-'));
    return {
      engine,
      target: { kind: 'sqlite', file: join(dir, 'plaza.db') },
      env: { PLAZA_DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dir = mkdtempSync(join(tmpdir(), 'plaza-test-'));
  return {
    engine,
    target: { kind: 'postgres', url: url.toString() },
    env: { PLAZA_DATABASE_URL: url.toString(), PLAZA_DATA_DIR: dir },
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function ownDatabase(): Promise<TestTarget> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'plaza-test-'));
  return {
    engine: 'postgres',
    target: { kind: 'postgres', url: url.toString() },
    env: { PLAZA_DATABASE_URL: url.toString(), PLAZA_DATA_DIR: dir },
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Deadlocks PostgreSQL has detected in the target's database so far (40P01: each aborted
 * one transaction). Backends report them when they finish a transaction or exit, so read
 * it after the connections of interest have closed. Meaningful for `ownDatabase` targets.
 */
export async function deadlocksIn(target: TestTarget): Promise<number> {
  if (target.target.kind !== 'postgres') return 0;
  const name = new URL(target.target.url).pathname.slice(1);
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    await c.query('select pg_stat_clear_snapshot()');
    const { rows } = await c.query<{ deadlocks: string }>(
      'select deadlocks from pg_stat_database where datname = $1',
      [name],
    );
    return Number(rows[0]?.deadlocks ?? 0);
  } finally {
    await c.end();
  }
}
