import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { accountFlagBits } from './account.ts';
import { transferFlagBits } from './transfer.ts';

/** Exact sums: many accounts together may pass 2^53 even though each balance stays below it. */
export interface CurrencyTotals {
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
}

export interface InvariantReport {
  ok: boolean;
  /** One line per broken rule, naming what broke it. */
  violations: string[];
  totals: Record<string, CurrencyTotals>;
}

type Sums = CurrencyTotals;

// Both engines sum exactly in SQL; text carries the exact value past 2^53 to BigInt.
const exactSum = (column: string) => sql<string | null>`cast(sum(${sql.ref(column)}) as text)`;
const big = (value: string | null): bigint => BigInt(value ?? 0);
const zero = (): Sums => ({ debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n });

const { pending, voidPendingTransfer } = transferFlagBits;

/**
 * Audits the whole ledger (a full scan: for tests, crash recovery and operators, not
 * the request path). Checks that debits equal credits per currency, that each
 * account's balances equal the sum of its transfers, that no account breaks its
 * flags, and that every post or void resolves one pending transfer, once, within it.
 */
export async function checkInvariants(db: Db): Promise<InvariantReport> {
  const violations: string[] = [];
  const totals: Record<string, CurrencyTotals> = {};

  const perCurrency = await db
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
  for (const row of perCurrency) {
    const t = {
      debitsPending: big(row.dpe),
      debitsPosted: big(row.dpo),
      creditsPending: big(row.cpe),
      creditsPosted: big(row.cpo),
    };
    totals[row.currency] = t;
    if (t.debitsPosted !== t.creditsPosted)
      violations.push(
        `${row.currency}: posted debits ${t.debitsPosted} != posted credits ${t.creditsPosted}`,
      );
    if (t.debitsPending !== t.creditsPending)
      violations.push(
        `${row.currency}: pending debits ${t.debitsPending} != pending credits ${t.creditsPending}`,
      );
  }

  const overLimit = await db
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
  for (const { id } of overLimit) violations.push(`account ${id} breaks its balance limit`);

  // Recompute every balance from the transfers: posted = single-phase + posts;
  // pending = pending transfers nobody has resolved yet.
  const expected = new Map<string, Sums>();
  const sums = (id: string) => {
    const known = expected.get(id);
    if (known) return known;
    const fresh = zero();
    expected.set(id, fresh);
    return fresh;
  };
  for (const side of ['debit', 'credit'] as const) {
    const column = side === 'debit' ? 'debit_account_id' : 'credit_account_id';
    const posted = await db
      .selectFrom('ledger_transfer')
      .select((eb) => [eb.ref(column).as('account_id'), exactSum('amount').as('total')])
      .where(sql`flags & ${pending | voidPendingTransfer}`, '=', 0)
      .groupBy(column)
      .execute();
    for (const row of posted) sums(row.account_id)[`${side}sPosted`] = big(row.total);
    const open = await db
      .selectFrom('ledger_transfer as p')
      .select((eb) => [eb.ref(`p.${column}`).as('account_id'), exactSum('p.amount').as('total')])
      .where(sql`p.flags & ${pending}`, '<>', 0)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('ledger_transfer as r').select('r.id').whereRef('r.pending_id', '=', 'p.id'))),
      )
      .groupBy(`p.${column}`)
      .execute();
    for (const row of open) sums(row.account_id)[`${side}sPending`] = big(row.total);
  }
  const accounts = await db.selectFrom('ledger_account').selectAll().execute();
  for (const a of accounts) {
    const want = expected.get(a.id) ?? zero();
    const have: Sums = {
      debitsPending: BigInt(a.debits_pending),
      debitsPosted: BigInt(a.debits_posted),
      creditsPending: BigInt(a.credits_pending),
      creditsPosted: BigInt(a.credits_posted),
    };
    for (const key of Object.keys(want) as (keyof Sums)[])
      if (want[key] !== have[key])
        violations.push(`account ${a.id}: ${key} is ${have[key]}, transfers say ${want[key]}`);
    expected.delete(a.id);
  }
  for (const id of expected.keys()) violations.push(`transfers name a missing account ${id}`);

  const badResolutions = await db
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
  for (const r of badResolutions)
    violations.push(`transfer ${r.id} does not properly resolve ${r.pending_id}`);

  const twice = await db
    .selectFrom('ledger_transfer')
    .select('pending_id')
    .where('pending_id', 'is not', null)
    .groupBy('pending_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  for (const r of twice) violations.push(`pending transfer ${r.pending_id} was resolved more than once`);

  const crossCurrency = await db
    .selectFrom('ledger_transfer as t')
    .innerJoin('ledger_account as d', 'd.id', 't.debit_account_id')
    .innerJoin('ledger_account as c', 'c.id', 't.credit_account_id')
    .select('t.id')
    .where((eb) =>
      eb.or([eb('d.currency', '<>', eb.ref('t.currency')), eb('c.currency', '<>', eb.ref('t.currency'))]),
    )
    .execute();
  for (const r of crossCurrency) violations.push(`transfer ${r.id} crosses currencies`);

  return { ok: violations.length === 0, violations, totals };
}
