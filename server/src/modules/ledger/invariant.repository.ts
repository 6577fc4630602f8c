import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { accountFlagBits } from './account.ts';
import { transferFlagBits } from './transfer.ts';

/*
 * The queries of the ledger audit (invariants.ts). Full scans: for tests, crash recovery
 * and operators, never the request path. Both engines sum exactly in SQL; text carries
 * the exact value past 2^53 to BigInt.
 */
const exactSum = (column: string) => sql<string | null>`cast(sum(${sql.ref(column)}) as text)`;
const { pending, voidPendingTransfer } = transferFlagBits;

/** Each currency's balance columns summed over all accounts (exact, as text). */
export function balanceSumsPerCurrency(db: Db) {
  return db
    .selectFrom('ledger_account')
    .select([
      'currency',
      exactSum('debits_pending').as('dpe'),
      exactSum('debits_posted').as('dpo'),
      exactSum('credits_pending').as('cpe'),
      exactSum('credits_posted').as('cpo'),
    ])
    .groupBy('currency')
    .execute();
}

/** Accounts whose balances break the limit their flags set. */
export function accountsOverLimit(db: Db) {
  return db
    .selectFrom('ledger_account')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb(sql`flags & ${accountFlagBits.debitsMustNotExceedCredits}`, '<>', 0),
          eb(sql`debits_pending + debits_posted`, '>', eb.ref('credits_posted')),
        ]),
        eb.and([
          eb(sql`flags & ${accountFlagBits.creditsMustNotExceedDebits}`, '<>', 0),
          eb(sql`credits_pending + credits_posted`, '>', eb.ref('debits_posted')),
        ]),
      ]),
    )
    .execute();
}

/** Per account, the posted amounts on one side: single-phase transfers and posts. */
export function postedSums(db: Db, side: 'debit' | 'credit') {
  const column = side === 'debit' ? 'debit_account_id' : 'credit_account_id';
  return db
    .selectFrom('ledger_transfer')
    .select((eb) => [eb.ref(column).as('account_id'), exactSum('amount').as('total')])
    .where(sql`flags & ${pending | voidPendingTransfer}`, '=', 0)
    .groupBy(column)
    .execute();
}

/** Per account, the amounts on one side of pending transfers nobody has resolved yet. */
export function openPendingSums(db: Db, side: 'debit' | 'credit') {
  const column = side === 'debit' ? 'debit_account_id' : 'credit_account_id';
  return db
    .selectFrom('ledger_transfer as p')
    .select((eb) => [eb.ref(`p.${column}`).as('account_id'), exactSum('p.amount').as('total')])
    .where(sql`p.flags & ${pending}`, '<>', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ledger_transfer as r').select('r.id').whereRef('r.pending_id', '=', 'p.id'))),
    )
    .groupBy(`p.${column}`)
    .execute();
}

export function allAccounts(db: Db) {
  return db.selectFrom('ledger_account').selectAll().execute();
}

/** Posts and voids that resolve no pending transfer, or resolve it beyond what it holds. */
export function badResolutions(db: Db) {
  return db
    .selectFrom('ledger_transfer as r')
    .leftJoin('ledger_transfer as p', 'p.id', 'r.pending_id')
    .select(['r.id as id', 'r.pending_id as pending_id'])
    .where('r.pending_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('p.id', 'is', null),
        eb(sql`p.flags & ${pending}`, '=', 0),
        eb('r.amount', '>', eb.ref('p.amount')),
        eb('r.debit_account_id', '<>', eb.ref('p.debit_account_id')),
        eb('r.credit_account_id', '<>', eb.ref('p.credit_account_id')),
        eb('r.currency', '<>', eb.ref('p.currency')),
      ]),
    )
    .execute();
}

/** Pending transfers resolved more than once. */
export function resolvedTwice(db: Db) {
  return db
    .selectFrom('ledger_transfer')
    .select('pending_id')
    .where('pending_id', 'is not', null)
    .groupBy('pending_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
}

/** Transfers whose currency is not that of both their accounts. */
export function crossCurrencyTransfers(db: Db) {
  return db
    .selectFrom('ledger_transfer as t')
    .innerJoin('ledger_account as d', 'd.id', 't.debit_account_id')
    .innerJoin('ledger_account as c', 'c.id', 't.credit_account_id')
    .select('t.id')
    .where((eb) =>
      eb.or([eb('d.currency', '<>', eb.ref('t.currency')), eb('c.currency', '<>', eb.ref('t.currency'))]),
    )
    .execute();
}
