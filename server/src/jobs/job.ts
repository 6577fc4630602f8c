import type { JobRow, JobStatus } from './job.table.ts';

/** A job as the rest of the platform sees it. */
export interface Job<P = unknown> {
  id: string;
  type: string;
  payload: P;
  status: JobStatus;
  /** Runs started so far; inside a handler, the number of the current run (1 on the first). */
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  key: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export function jobFromRow(row: JobRow): Job {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: Number(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    lastError: row.last_error,
    key: row.key,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/** Which claim of a job a worker holds: the lease is valid only for this worker and this run. */
export interface Lease {
  id: string;
  workerId: string;
  attempt: number;
}
