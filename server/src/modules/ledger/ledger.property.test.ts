import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { PlazaError } from '../../errors/index.ts';
import type { Account } from './account.ts';
import { startTestLedger, type TestLedger } from './testing.ts';
import type { TransferInput } from './transfer.ts';

// Random sequences of operations run against the database and against a tiny model
// of TigerBeetle's rules written independently below; every outcome (the transfer or
// the refusal code) and every final balance must agree.

const labels = ['world', 'escrow', 'merchant', 'capped', 'usd'] as const;
type Label = (typeof labels)[number];
const ids = ['i0', 'i1', 'i2', 'i3', 'i4'];

type Move = {
  kind: 'single' | 'pending';
  id: string;
  dr: Label;
  cr: Label;
  amount: number;
  currency: 'CNY' | 'USD';
  timeoutMs?: number;
};
/** `aim`, when set, picks the pending transfer among those the run has made so far. */
type Resolve = { kind: 'post' | 'void'; id: string; pending: string; amount?: number; aim?: number };
type Step = Move | Resolve;
const resolving = (s: Step): s is Resolve => s.kind === 'post' || s.kind === 'void';
type Op = { kind: 'batch'; steps: Step[] } | { kind: 'advance'; ms: number } | { kind: 'expire' };

// Biased towards valid operations so that most steps change the ledger, with a steady
// trickle of every kind of refusal.
const label = fc.constantFrom<Label>(
  'world',
  'world',
  'escrow',
  'escrow',
  'merchant',
  'merchant',
  'capped',
  'capped',
  'usd',
);
const pair = fc
  .tuple(label, label, fc.nat(9))
  .map(
    ([dr, cr, dice]) =>
      [dr, cr === dr && dice > 0 ? (labels[(labels.indexOf(dr) + 1) % 4] as Label) : cr] as const,
  );
const id = fc.constantFrom(...ids);
const amount = fc.oneof(
  { weight: 19, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);
const move: fc.Arbitrary<Step> = fc
  .record(
    {
      kind: fc.constantFrom('single' as const, 'pending' as const, 'pending' as const),
      id,
      accounts: pair,
      amount,
      usd: fc.nat(19),
      timeoutMs: fc.constantFrom(1000, 5000),
    },
    { requiredKeys: ['kind', 'id', 'accounts', 'amount', 'usd'] },
  )
  .map(({ accounts: [dr, cr], usd, ...rest }) => ({
    ...rest,
    dr,
    cr,
    currency: usd === 0 || (dr === 'usd' && cr === 'usd') ? ('USD' as const) : ('CNY' as const),
  }));
const resolve: fc.Arbitrary<Step> = fc
  .record(
    {
      kind: fc.constantFrom('post' as const, 'void' as const),
      id,
      pending: id,
      amount,
      dice: fc.nat(9),
      aim: fc.nat(20),
    },
    { requiredKeys: ['kind', 'id', 'pending', 'dice'] },
  )
  .map(({ dice, ...r }) => ({
    ...r,
    id: r.id === r.pending && dice > 0 ? (ids[(ids.indexOf(r.id) + 1) % ids.length] as string) : r.id,
  }));
const step = fc.oneof(move, resolve);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: step.map((s) => ({ kind: 'batch' as const, steps: [s] })) },
  {
    weight: 4,
    arbitrary: fc
      .array(step, { minLength: 2, maxLength: 3 })
      .map((steps) => ({ kind: 'batch' as const, steps })),
  },
  { weight: 1, arbitrary: fc.constantFrom(400, 2000).map((ms) => ({ kind: 'advance' as const, ms })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
);

interface ModelAccount {
  currency: string;
  limitDebits: boolean;
  limitCredits: boolean;
  b: [number, number, number, number]; // debits pending, debits posted, credits pending, credits posted
}
interface ModelTransfer {
  phase: Step['kind'];
  dr: Label;
  cr: Label;
  amount: number;
  currency: string;
  pendingId: string | null;
  timeoutMs: number | null;
  expiresAt: number | null;
  expired: boolean;
}

class Model {
  accounts = new Map<Label, ModelAccount>([
    ['world', { currency: 'CNY', limitDebits: false, limitCredits: false, b: [0, 0, 0, 0] }],
    ['escrow', { currency: 'CNY', limitDebits: true, limitCredits: false, b: [0, 0, 0, 0] }],
    ['merchant', { currency: 'CNY', limitDebits: true, limitCredits: false, b: [0, 0, 0, 0] }],
    ['capped', { currency: 'CNY', limitDebits: false, limitCredits: true, b: [0, 0, 0, 0] }],
    ['usd', { currency: 'USD', limitDebits: false, limitCredits: false, b: [0, 0, 0, 0] }],
  ]);
  transfers = new Map<string, ModelTransfer>();
  resolution = new Map<string, ModelTransfer>();
  constructor(public now: number) {}

  /** Applies a batch all-or-nothing; returns the refusal code or 'ok'. */
  batch(steps: Step[]): string {
    for (const s of steps) {
      if ((s.kind === 'post' || s.kind === 'void') && s.id === s.pending)
        return 'PENDING_ID_MUST_BE_DIFFERENT';
      if (s.amount !== undefined && s.amount <= 0) return 'AMOUNT_INVALID';
      if ((s.kind === 'single' || s.kind === 'pending') && s.dr === s.cr) return 'ACCOUNTS_MUST_BE_DIFFERENT';
    }
    const saved = structuredClone({ a: this.accounts, t: this.transfers, r: this.resolution });
    for (const s of steps) {
      const refusal = this.step(s);
      if (refusal) {
        this.accounts = saved.a;
        this.transfers = saved.t;
        this.resolution = saved.r;
        return refusal;
      }
    }
    return 'ok';
  }

  private step(s: Step): string | undefined {
    const old = this.transfers.get(s.id);
    if (old) {
      const pendingId = s.kind === 'post' || s.kind === 'void' ? s.pending : null;
      if (old.phase !== s.kind || old.expired) return 'EXISTS_WITH_DIFFERENT_FLAGS';
      if (old.pendingId !== pendingId) return 'EXISTS_WITH_DIFFERENT_PENDING_ID';
      if (old.timeoutMs !== (s.kind === 'pending' ? (s.timeoutMs ?? null) : null))
        return 'EXISTS_WITH_DIFFERENT_TIMEOUT';
      if ((s.kind === 'single' || s.kind === 'pending') && old.dr !== s.dr)
        return 'EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID';
      if ((s.kind === 'single' || s.kind === 'pending') && old.cr !== s.cr)
        return 'EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID';
      if (s.amount !== undefined && old.amount !== s.amount) return 'EXISTS_WITH_DIFFERENT_AMOUNT';
      if ((s.kind === 'single' || s.kind === 'pending') && old.currency !== s.currency)
        return 'EXISTS_WITH_DIFFERENT_CURRENCY';
      return undefined;
    }
    if (!resolving(s)) {
      const dr = this.accounts.get(s.dr) as ModelAccount;
      const cr = this.accounts.get(s.cr) as ModelAccount;
      if (dr.currency !== s.currency || cr.currency !== s.currency) return 'CURRENCY_MISMATCH';
      if (dr.limitDebits && dr.b[0] + dr.b[1] + s.amount > dr.b[3]) return 'EXCEEDS_CREDITS';
      if (cr.limitCredits && cr.b[2] + cr.b[3] + s.amount > cr.b[1]) return 'EXCEEDS_DEBITS';
      const pending = s.kind === 'pending';
      dr.b[pending ? 0 : 1] += s.amount;
      cr.b[pending ? 2 : 3] += s.amount;
      const timeoutMs = pending ? (s.timeoutMs ?? null) : null;
      this.transfers.set(s.id, {
        phase: s.kind,
        dr: s.dr,
        cr: s.cr,
        amount: s.amount,
        currency: s.currency,
        pendingId: null,
        timeoutMs,
        expiresAt: timeoutMs === null ? null : this.now + timeoutMs,
        expired: false,
      });
      return undefined;
    }
    return this.resolve(s, false);
  }

  resolve(s: Resolve, expiry: boolean): string | undefined {
    const p = this.transfers.get(s.pending);
    if (!p) return 'PENDING_TRANSFER_NOT_FOUND';
    if (p.phase !== 'pending') return 'PENDING_TRANSFER_NOT_PENDING';
    const earlier = this.resolution.get(s.pending);
    if (earlier?.phase === 'post') return 'PENDING_TRANSFER_ALREADY_POSTED';
    if (earlier?.expired) return 'PENDING_TRANSFER_EXPIRED';
    if (earlier) return 'PENDING_TRANSFER_ALREADY_VOIDED';
    if (!expiry && p.expiresAt !== null && this.now >= p.expiresAt) return 'PENDING_TRANSFER_EXPIRED';
    const amount = s.amount ?? p.amount;
    if (s.kind === 'post' && amount > p.amount) return 'EXCEEDS_PENDING_TRANSFER_AMOUNT';
    if (s.kind === 'void' && amount !== p.amount) return 'PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT';
    const dr = this.accounts.get(p.dr) as ModelAccount;
    const cr = this.accounts.get(p.cr) as ModelAccount;
    dr.b[0] -= p.amount;
    cr.b[2] -= p.amount;
    if (s.kind === 'post') {
      dr.b[1] += amount;
      cr.b[3] += amount;
    }
    const t: ModelTransfer = {
      ...p,
      phase: s.kind,
      amount,
      pendingId: s.pending,
      timeoutMs: null,
      expiresAt: null,
      expired: expiry,
    };
    this.transfers.set(s.id, t);
    this.resolution.set(s.pending, t);
    return undefined;
  }

  expire(): number {
    let n = 0;
    for (const [pendingId, p] of this.transfers) {
      if (
        p.phase !== 'pending' ||
        p.expiresAt === null ||
        p.expiresAt > this.now ||
        this.resolution.has(pendingId)
      )
        continue;
      this.resolve({ kind: 'void', id: `expired:${pendingId}`, pending: pendingId }, true);
      n++;
    }
    return n;
  }
}

describe.each(testEngines)('the ledger agrees with a model of its rules on %s', (engine) => {
  let t: TestLedger;
  let run = 0;
  beforeAll(async () => {
    t = await startTestLedger(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('for random sequences of transfers, posts, voids, replays and timeouts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        run++;
        const prefix = `r${run}_`;
        const accounts = {} as Record<Label, Account>;
        for (const l of labels) {
          const model = new Model(0).accounts.get(l) as ModelAccount;
          accounts[l] = await t.ledger.ensureAccount({
            kind: 'external',
            ownerId: `${prefix}${l}`,
            currency: model.currency,
            flags: {
              debitsMustNotExceedCredits: model.limitDebits,
              creditsMustNotExceedDebits: model.limitCredits,
            },
          });
        }
        // The escrow and merchant start with money so that limits bite sometimes, not always.
        const model = new Model(t.clock.now());
        for (const to of ['escrow', 'merchant'] as const) {
          const seed: Step = {
            kind: 'single',
            id: `seed_${to}`,
            dr: 'world',
            cr: to,
            amount: 50,
            currency: 'CNY',
          };
          model.batch([seed]);
          await t.ledger.createTransfer(toInput(seed));
        }

        function toInput(s: Step): TransferInput {
          if (resolving(s))
            return {
              id: prefix + s.id,
              pendingId: prefix + s.pending,
              flags: s.kind === 'post' ? { postPendingTransfer: true } : { voidPendingTransfer: true },
              ...(s.amount !== undefined ? { amount: s.amount } : {}),
            };
          return {
            id: prefix + s.id,
            debitAccountId: accounts[s.dr].id,
            creditAccountId: accounts[s.cr].id,
            amount: s.amount,
            currency: s.currency,
            code: 'c',
            flags: { pending: s.kind === 'pending' },
            ...(s.kind === 'pending' && s.timeoutMs !== undefined ? { timeoutMs: s.timeoutMs } : {}),
          };
        }

        for (const o of ops) {
          if (o.kind === 'advance') {
            t.clock.advance(o.ms);
            model.now += o.ms;
          } else if (o.kind === 'expire') {
            expect(await t.ledger.expirePendingTransfers()).toBe(model.expire());
          } else {
            const made = [...model.transfers].flatMap(([key, x]) => (x.phase === 'pending' ? [key] : []));
            const steps = o.steps.map((s) =>
              'pending' in s && s.aim !== undefined && made.length > 0
                ? { ...s, pending: made[s.aim % made.length] as string }
                : s,
            );
            const expected = model.batch(steps);
            let actual = 'ok';
            try {
              await t.ledger.createTransfers(steps.map(toInput));
            } catch (error) {
              if (!(error instanceof PlazaError)) throw error;
              actual = error.code.replace(/^LEDGER_/, '');
            }
            expect({ steps, outcome: actual }).toEqual({ steps, outcome: expected });
          }
        }
        // Let every timeout lapse and sweep, so no later run's sweep finds this run's leftovers.
        t.clock.advance(10_000);
        model.now += 10_000;
        expect(await t.ledger.expirePendingTransfers()).toBe(model.expire());
        const stored = await t.ledger.getAccounts(labels.map((l) => accounts[l].id));
        const balances = stored.map((a) => [
          a.debitsPending,
          a.debitsPosted,
          a.creditsPending,
          a.creditsPosted,
        ]);
        expect(balances).toEqual(labels.map((l) => model.accounts.get(l)?.b));
      }),
      { numRuns: 40 },
    );
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });
});
