import type { Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/**
 * What a database says when this transaction lost a race another one won, so running it
 * again from the start sees the winner's rows and decides again: PostgreSQL's
 * serialization_failure, deadlock_detected, unique_violation and lock_not_available (a
 * `NOWAIT` lock), and SQLite's busy database.
 */
const lostRaceCodes: ReadonlySet<string> = new Set(['40001', '40P01', '23505', '55P03', 'SQLITE_BUSY']);

export interface TransactionOptions {
  /** Further error codes (the callers' own coded errors) that mean a lost race. */
  alsoRetry?: readonly string[];
  /** What to throw once the last attempt lost too; by default its error. */
  exhausted?: (error: unknown) => unknown;
}

const maxAttempts = 6;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `work` in one transaction, rerun from the start (after a short random pause, so
 * the contenders part) when the database aborted it for losing a race. Any other error
 * ends it at once. Only database work belongs inside: a rerun repeats all of it.
 *
 * @example
 * const order = await runTransaction(db, (trx) => markPaid(trx, orderId), { alsoRetry: ['LEDGER_CONFLICT'] });
 */
export async function runTransaction<T>(
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = codeOf(error);
      const lost = code !== undefined && (lostRaceCodes.has(code) || !!options.alsoRetry?.includes(code));
      if (!lost) throw error;
      if (attempt >= maxAttempts) throw options.exhausted ? options.exhausted(error) : error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
