import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Where a job stands. `queued` covers both "never tried" and "waiting for a retry". */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

/**
 * The durable jobs/outbox table. Times are epoch milliseconds; `payload` is JSON text.
 * A `running` row is a lease: `locked_by` holds it until `locked_until`, and a lease that
 * runs out (its worker died) makes the row claimable again.
 */
export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: JobStatus;
  /** Claims made so far, the current one included. */
  attempts: Generated<number>;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  /** Optional idempotency key: a second enqueue with the same key adds nothing. */
  key: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export type JobRow = Selectable<JobsTable>;
export type NewJobRow = Insertable<JobsTable>;
export type JobRowUpdate = Updateable<JobsTable>;

export interface JobTables {
  jobs: JobsTable;
}
