import { describe, expect, it } from 'vitest';
import type { Db } from './database.ts';
import { runTransaction } from './transaction.ts';

/** A database whose transactions fail with these errors, in turn, then succeed. */
function failingWith(...errors: unknown[]) {
  let runs = 0;
  const db = {
    transaction: () => ({
      execute: async <T>(work: (trx: unknown) => Promise<T>) => {
        const error = errors[runs++];
        if (error !== undefined) throw error;
        return work({});
      },
    }),
  } as unknown as Db;
  return { db, runs: () => runs };
}

const coded = (code: string) => Object.assign(new Error(code), { code });

describe('runTransaction', () => {
  it.each(['40001', '40P01', '23505', '55P03', 'SQLITE_BUSY'])(
    'runs a transaction that lost a race (%s) again',
    async (code) => {
      const { db, runs } = failingWith(coded(code), coded(code));
      expect(await runTransaction(db, async () => 'done')).toBe('done');
      expect(runs()).toBe(3);
    },
  );

  it('ends at once on any other error', async () => {
    const { db, runs } = failingWith(coded('23502'));
    await expect(runTransaction(db, async () => 'done')).rejects.toMatchObject({ code: '23502' });
    expect(runs()).toBe(1);
  });

  it("runs again on the caller's own lost-race codes", async () => {
    const { db, runs } = failingWith(coded('LEDGER_CONFLICT'));
    expect(await runTransaction(db, async () => 'done', { alsoRetry: ['LEDGER_CONFLICT'] })).toBe('done');
    expect(runs()).toBe(2);
  });

  it('gives up after six lost races, with what the caller says', async () => {
    const { db, runs } = failingWith(...Array.from({ length: 10 }, () => coded('40P01')));
    await expect(
      runTransaction(db, async () => 'done', { exhausted: () => coded('CONFLICT') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(runs()).toBe(6);
  });
});
