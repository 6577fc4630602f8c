import type { Db } from '../../db/database.ts';
import {
  accountsOverLimit,
  allAccounts,
  badResolutions,
  balanceSumsPerCurrency,
  crossCurrencyTransfers,
  openPendingSums,
  postedSums,
  resolvedTwice,
} from './invariant.repository.ts';

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

const big = (value: string | null): bigint => BigInt(value ?? 0);
const zero = (): Sums => ({ debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n });

/**
 * Audits the whole ledger (a full scan: for tests, crash recovery and operators, not
 * the request path). Checks that debits equal credits per currency, that each
 * account's balances equal the sum of its transfers, that no account breaks its
 * flags, and that every post or void resolves one pending transfer, once, within it.
 */
export async function checkInvariants(db: Db): Promise<InvariantReport> {
  const violations: string[] = [];
  const totals: Record<string, CurrencyTotals> = {};

  const perCurrency = await balanceSumsPerCurrency(db);
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

  const overLimit = await accountsOverLimit(db);
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
    const posted = await postedSums(db, side);
    for (const row of posted) sums(row.account_id)[`${side}sPosted`] = big(row.total);
    const open = await openPendingSums(db, side);
    for (const row of open) sums(row.account_id)[`${side}sPending`] = big(row.total);
  }
  const accounts = await allAccounts(db);
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

  const unresolving = await badResolutions(db);
  for (const r of unresolving) violations.push(`transfer ${r.id} does not properly resolve ${r.pending_id}`);

  const twice = await resolvedTwice(db);
  for (const r of twice) violations.push(`pending transfer ${r.pending_id} was resolved more than once`);

  const crossCurrency = await crossCurrencyTransfers(db);
  for (const r of crossCurrency) violations.push(`transfer ${r.id} crosses currencies`);

  return { ok: violations.length === 0, violations, totals };
}
