import { sql, type UpdateObject } from 'kysely';
import type { Engine, Executor } from '../db/database.ts';
import { preparedQuery, rowShape } from '../db/prepared-query.ts';
import type { Database } from '../db/schema.ts';
import type { JobRow, JobStatus, NewJobRow } from './job.table.ts';
import type { Lease } from './job.ts';

/** Inserts a job; with a `key` already present, inserts nothing and returns the existing id. */
// Every payment and callback enqueues: the inserts are built once per set of columns.
const insertPlain = preparedQuery((db, row: NewJobRow) => db.insertInto('jobs').values(row));
const insertKeyed = preparedQuery((db, row: NewJobRow) =>
  db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id'),
);

export async function insertJob(db: Executor, row: NewJobRow): Promise<{ id: string; created: boolean }> {
  const { shape, row: given } = rowShape(row);
  if (row.key === null || row.key === undefined) {
    await insertPlain(db, shape, given);
    return { id: row.id, created: true };
  }
  const inserted = (await insertKeyed(db, shape, given))[0];
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('key', '=', row.key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Claims up to `limit` due jobs of the given types in one statement: queued rows whose
 * time has come, and running rows whose lease ran out (their worker died) with attempts
 * left. On PostgreSQL the candidate rows are locked with `FOR UPDATE SKIP LOCKED`, so
 * concurrent claimers pass each other by instead of queueing; on SQLite the single
 * `UPDATE … WHERE id IN (SELECT … LIMIT n)` runs under the database's one write lock,
 * which it takes before reading, so two claimers never see the same row free.
 */
export async function claimJobs(
  db: Executor,
  engine: Engine,
  claim: { workerId: string; types: string[]; limit: number; now: number; leaseMs: number },
): Promise<JobRow[]> {
  if (claim.types.length === 0 || claim.limit <= 0) return [];
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('type', 'in', claim.types)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', claim.now)]),
        eb.and([
          eb('status', '=', 'running'),
          eb('locked_until', '<=', claim.now),
          eb('attempts', '<', eb.ref('max_attempts')),
        ]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(claim.limit)
    .$if(engine === 'postgres', (qb) => qb.forUpdate().skipLocked());
  return db
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: sql<number>`attempts + 1`,
      locked_by: claim.workerId,
      locked_until: claim.now + claim.leaseMs,
      updated_at: claim.now,
    })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/**
 * Marks dead the running jobs whose lease ran out on their last attempt: their worker
 * died mid-run and no attempts are left, so nobody would ever claim them again.
 */
export async function buryAbandonedJobs(db: Executor, now: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'dead',
      locked_by: null,
      locked_until: null,
      last_error: 'The worker was lost during the last attempt (its lease ran out)',
      updated_at: now,
      finished_at: now,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<=', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Updates the leased row only while this lease still holds it; false when it was lost. */
async function updateLeased(
  db: Executor,
  lease: Lease,
  set: UpdateObject<Database, 'jobs'>,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(set)
    .where('id', '=', lease.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', lease.workerId)
    .where('attempts', '=', lease.attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function extendLease(db: Executor, lease: Lease, now: number, leaseMs: number): Promise<boolean> {
  return updateLeased(db, lease, { locked_until: now + leaseMs, updated_at: now });
}

export function completeJob(db: Executor, lease: Lease, now: number): Promise<boolean> {
  return updateLeased(db, lease, {
    status: 'done',
    locked_by: null,
    locked_until: null,
    updated_at: now,
    finished_at: now,
  });
}

/** A failed run with attempts left: back to the queue, due again at `runAt`. */
export function rescheduleJob(
  db: Executor,
  lease: Lease,
  failure: { now: number; runAt: number; error: string },
): Promise<boolean> {
  return updateLeased(db, lease, {
    status: 'queued',
    locked_by: null,
    locked_until: null,
    run_at: failure.runAt,
    last_error: failure.error,
    updated_at: failure.now,
  });
}

/** A failed run with no attempts left (or a failure retrying cannot fix): dead, kept for inspection. */
export function buryJob(
  db: Executor,
  lease: Lease,
  failure: { now: number; error: string },
): Promise<boolean> {
  return updateLeased(db, lease, {
    status: 'dead',
    locked_by: null,
    locked_until: null,
    last_error: failure.error,
    updated_at: failure.now,
    finished_at: failure.now,
  });
}

/**
 * Gives a claimed job back without counting the run (the worker is shutting down), so
 * another worker takes it at once instead of waiting for the lease to run out.
 */
export function releaseJob(db: Executor, lease: Lease, now: number): Promise<boolean> {
  return updateLeased(db, lease, {
    status: 'queued',
    attempts: sql<number>`attempts - 1`,
    locked_by: null,
    locked_until: null,
    run_at: now,
    updated_at: now,
  });
}

export function findJobRow(db: Executor, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface JobFilter {
  status?: JobStatus | JobStatus[];
  type?: string;
  /** Only jobs whose last run failed (dead ones, and queued ones waiting for a retry). */
  failed?: boolean;
  /** Newest first; pass the last id of a page to get the next one. */
  before?: string;
  limit?: number;
}

export function listJobRows(db: Executor, filter: JobFilter): Promise<JobRow[]> {
  const statuses = filter.status === undefined ? [] : [filter.status].flat();
  return db
    .selectFrom('jobs')
    .selectAll()
    .$if(statuses.length > 0, (qb) => qb.where('status', 'in', statuses))
    .$if(filter.type !== undefined, (qb) => qb.where('type', '=', filter.type as string))
    .$if(filter.failed === true, (qb) =>
      qb.where('last_error', 'is not', null).where('status', 'in', ['queued', 'dead']),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
    .execute();
}

/** Puts a dead job back in the queue with a fresh set of attempts; false unless it was dead. */
export async function requeueDeadJob(db: Executor, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, updated_at: now, finished_at: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a dead job an operator gave up on; false unless it was dead. */
export async function deleteDeadJob(db: Executor, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Deletes finished (done) jobs older than `before`, so the table does not grow forever. */
export async function purgeDoneJobs(db: Executor, before: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
