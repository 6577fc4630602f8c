import type { Transaction } from 'kysely';
import type { Clock } from '../../db/clock.ts';
import type { Db, Engine, Executor } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import { runTransaction } from '../../db/transaction.ts';
import { PlazaError } from '../../errors/index.ts';
import {
  addToBalances,
  balanceDeltas,
  compareIds,
  findAccountByKey,
  findAccounts,
  findShards,
  insertAccountIfAbsent,
  lockAccounts,
  toAccount,
} from './account.repository.ts';
import {
  type Account,
  type AccountKey,
  assertAccountKey,
  type EnsureAccountInput,
  encodeAccountFlags,
  resolveAccountFlags,
} from './account.ts';
import { ledgerErrors } from './errors.ts';
import { checkInvariants, type InvariantReport } from './invariants.ts';
import type { AccountRow } from './ledger.table.ts';
import {
  closeTimeouts,
  deleteUncommittedTransfers,
  findLapsedTimeouts,
  findResolutions,
  findTransfers,
  findTransfersOrResolutions,
  insertTransfers,
  listTransfers,
  openTimeouts,
  toTransfer,
} from './transfer.repository.ts';
import { type CheckedTransfer, checkTransferShape, type Transfer, type TransferInput } from './transfer.ts';
import { applyBatch, type BatchOutcome } from './transfer-rules.ts';

/** `db` alone, or an open transaction of the caller's that the ledger joins. */

export type PendingStatus = 'pending' | 'posted' | 'voided' | 'expired';

/** An owner's balances of one kind and currency: every shard's summed, and the shards. */
export interface OwnerBalance {
  debitsPending: number;
  debitsPosted: number;
  creditsPending: number;
  creditsPosted: number;
  /** Each shard that exists, by shard number. */
  shards: Account[];
}

export interface TransferPage {
  items: Transfer[];
  /** Pass as `after` for the next page; null on the last page. */
  next: number | null;
}

/**
 * The double-entry ledger behind guaranteed payment, with TigerBeetle's semantics:
 * immutable transfers, two-phase (pending → post | void, at most once), limits that
 * count pending debits, and all-or-nothing batches. Every function takes an optional
 * executor: pass the caller's transaction to move money in the same commit as the
 * caller's own rows (the order, the outbox job). That transaction should be READ
 * COMMITTED (the default), and should move its money in one `createTransfers` call:
 * each call locks every account it touches in one global order (ascending id), so two
 * calls in one transaction could break that order and deadlock with another such
 * transaction. PostgreSQL may abort a caller's transaction that lost a race (40001,
 * 40P01, 55P03): run it with `runTransaction`, which runs it again.
 */
export interface LedgerService {
  /**
   * The account for this kind, owner and currency, created on first use.
   *
   * @example
   * const escrow = await ledger.ensureAccount({ kind: 'app_escrow', ownerId: appId, currency: 'CNY' });
   */
  ensureAccount(input: EnsureAccountInput, tx?: Executor): Promise<Account>;
  /** One account: shard 0 of the owner's unless `key.shard` names another. */
  findAccount(key: AccountKey, tx?: Executor): Promise<Account | undefined>;
  /**
   * What an owner holds of one kind and currency, summed over all its shards (zero when it
   * has none). Read without locks: a figure, not a basis for a decision to move money.
   *
   * @example
   * const { creditsPosted, debitsPosted } = await ledger.balanceOf({ kind: 'merchant_balance', ownerId: appId, currency: 'CNY' });
   */
  balanceOf(key: Omit<AccountKey, 'shard'>, tx?: Executor): Promise<OwnerBalance>;
  getAccount(id: string, tx?: Executor): Promise<Account | undefined>;
  /** The accounts that exist among `ids`, in the order of `ids`. */
  getAccounts(ids: readonly string[], tx?: Executor): Promise<Account[]>;
  /**
   * One transfer; replaying the same id and fields returns the stored original.
   *
   * @example
   * await ledger.createTransfer({ id: `hold:${orderId}`, debitAccountId: funding.id,
   *   creditAccountId: escrow.id, amount: 1999, currency: 'CNY', code: 'escrow_hold',
   *   userData: orderId, flags: { pending: true } });
   */
  createTransfer(input: TransferInput, tx?: Executor): Promise<Transfer>;
  /**
   * A batch applied all-or-nothing, in order (a later transfer sees the earlier ones).
   *
   * @example
   * await ledger.createTransfers([
   *   { id: `settle:${orderId}`, pendingId: `hold:${orderId}`, flags: { postPendingTransfer: true } },
   *   { id: `merchant:${orderId}`, debitAccountId: escrow.id, creditAccountId: merchant.id, amount: 1899, currency: 'CNY', code: 'settle' },
   *   { id: `commission:${orderId}`, debitAccountId: escrow.id, creditAccountId: platform.id, amount: 100, currency: 'CNY', code: 'commission' },
   * ]);
   */
  createTransfers(inputs: readonly TransferInput[], tx?: Executor): Promise<Transfer[]>;
  getTransfer(id: string, tx?: Executor): Promise<Transfer | undefined>;
  /** Where a pending transfer stands, and the post or void that resolved it. */
  pendingStatus(
    pendingId: string,
    tx?: Executor,
  ): Promise<{ status: PendingStatus; pending: Transfer; resolvedBy: Transfer | null } | undefined>;
  /** Transfers touching an account and/or carrying a `userData`, by insertion order. */
  listTransfers(
    query: { accountId?: string; userData?: string; after?: number; limit?: number; order?: 'asc' | 'desc' },
    tx?: Executor,
  ): Promise<TransferPage>;
  /** Voids pending transfers whose timeout passed; returns how many it voided. */
  expirePendingTransfers(options?: { limit?: number }): Promise<number>;
  checkInvariants(tx?: Executor): Promise<InvariantReport>;
}

export interface LedgerDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
}

const maxBatch = 1000;
/** How often a batch is decided again after its insert was turned away. */
const maxAttempts = 6;

const expiryIdPrefix = 'expired:';
// The expiry sweep's void carries the `expired` bit, which callers cannot set.
const expiryFlags = { voidPendingTransfer: true, expired: true } as TransferInput['flags'];

export function createLedgerService({ db, engine, clock }: LedgerDeps): LedgerService {
  /** Runs `work` in the caller's transaction, or in its own one, run again when it lost a race. */
  async function inTransaction<T>(
    tx: Executor | undefined,
    work: (trx: Transaction<Database>) => Promise<T>,
  ): Promise<T> {
    if (tx?.isTransaction) return work(tx as Transaction<Database>);
    return runTransaction(tx ?? db, work, { exhausted: () => ledgerErrors.CONFLICT(undefined, undefined) });
  }

  /** What is stored about a batch: transfers with its ids, the pending ones it names, and their posts and voids. */
  async function readStored(trx: Transaction<Database>, ids: Set<string>, pendingIds: string[]) {
    const existing = new Map<string, Transfer>();
    const pendings = new Map<string, Transfer>();
    const resolutions = new Map<string, Transfer>();
    for (const row of await findTransfersOrResolutions(trx, [...ids, ...pendingIds], pendingIds)) {
      const transfer = toTransfer(row);
      if (ids.has(row.id)) existing.set(row.id, transfer);
      if (pendingIds.includes(row.id)) pendings.set(row.id, transfer);
      if (row.pending_id !== null && pendingIds.includes(row.pending_id))
        resolutions.set(row.pending_id, transfer);
    }
    return { existing, pendings, resolutions };
  }

  /**
   * Applies a checked batch. Transfers never change or disappear, so what the first read
   * finds stays true; what it does not find may still appear before the account locks
   * are ours, and then the unique constraints on `id` and `pending_id` turn our insert
   * away. So the common path reads once without locks; a refusal, or an insert turned
   * away, is decided again from a read made under the locks, which is the authoritative
   * one. A batch that names no pending transfer skips the first read: a replay of it is
   * an insert turned away.
   *
   * Every account the batch touches is locked, all at once and in ascending id order,
   * before anything is decided: one global order for every transaction, so none waits
   * in a circle (a deadlock) with another. That includes the escrow account a pay only
   * credits, shared by all of an app's payments: correct first, fast later.
   */
  async function apply(
    trx: Transaction<Database>,
    batch: CheckedTransfer[],
    expiry = false,
  ): Promise<Transfer[]> {
    const now = clock.now();
    const ids = new Set(batch.map((c) => c.input.id));
    const pendingIds = [...new Set(batch.flatMap((c) => (c.input.pendingId ? [c.input.pendingId] : [])))];
    const empty = () => ({
      existing: new Map<string, Transfer>(),
      pendings: new Map<string, Transfer>(),
      resolutions: new Map<string, Transfer>(),
    });
    let stored = pendingIds.length > 0 ? await readStored(trx, ids, pendingIds) : empty();
    let underLocks = false;
    /** Every account row the batch is decided on, each read under its lock. */
    const locked = new Map<string, AccountRow>();
    let highest: string | undefined;
    const lockWhatIsNamed = async () => {
      const wanted = new Set<string>();
      for (const { input } of batch) {
        if (input.debitAccountId) wanted.add(input.debitAccountId);
        if (input.creditAccountId) wanted.add(input.creditAccountId);
        const pending = input.pendingId ? stored.pendings.get(input.pendingId) : undefined;
        if (pending) wanted.add(pending.debitAccountId).add(pending.creditAccountId);
      }
      const toLock = [...wanted].filter((id) => !locked.has(id)).sort(compareIds);
      const lowest = toLock[0];
      if (lowest === undefined) return;
      // Only a pending transfer committed since the first read can name an account below
      // one already locked. Waiting for it would break the order, so that lock is taken
      // only if free; else PostgreSQL aborts this transaction, which is run again.
      const inOrder = highest === undefined || compareIds(lowest, highest) > 0;
      for (const row of await lockAccounts(trx, engine, toLock, { wait: inOrder })) locked.set(row.id, row);
      const top = toLock.at(-1) as string;
      if (highest === undefined || compareIds(top, highest) > 0) highest = top;
    };
    const rereadUnderLocks = async () => {
      stored = await readStored(trx, ids, pendingIds);
      underLocks = true;
      await lockWhatIsNamed();
    };
    const decide = () => {
      const accounts = new Map([...locked.values()].map((r) => [r.id, toAccount(r)]));
      return applyBatch({ accounts, ...stored }, batch, now, { expiry });
    };
    await lockWhatIsNamed();

    for (let attempt = 1; ; attempt++) {
      let outcome: BatchOutcome;
      try {
        outcome = decide();
      } catch (refusal) {
        if (underLocks || !(refusal instanceof PlazaError)) throw refusal;
        await rereadUnderLocks();
        outcome = decide();
      }
      if (outcome.created.length === 0) return outcome.transfers;
      const inserted = await insertTransfers(trx, outcome.created);
      if (inserted.length === outcome.created.length) {
        await addToBalances(trx, balanceDeltas(outcome.touched, locked));
        await openTimeouts(trx, outcome.timeoutsOpened);
        await closeTimeouts(trx, outcome.timeoutsClosed);
        return outcome.transfers;
      }
      // Another transaction took one of our ids or resolved one of our pending transfers
      // first (our insert waited for it to commit). Take back our rows and decide again.
      await deleteUncommittedTransfers(trx, inserted);
      if (attempt >= maxAttempts) throw ledgerErrors.CONFLICT({ transfer_ids: [...ids] });
      await rereadUnderLocks();
    }
  }

  async function createTransfers(inputs: readonly TransferInput[], tx?: Executor): Promise<Transfer[]> {
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > maxBatch)
      throw ledgerErrors.BATCH_INVALID({ size: Array.isArray(inputs) ? inputs.length : null });
    const batch = inputs.map((input, index) => checkTransferShape(input, { index, transfer_id: input?.id }));
    return inTransaction(tx, (trx) => apply(trx, batch));
  }

  return {
    async ensureAccount(input, tx) {
      const flags = resolveAccountFlags(input);
      const key = {
        kind: input.kind,
        ownerId: input.ownerId,
        currency: input.currency,
        shard: input.shard ?? 0,
      };
      const executor = tx ?? db;
      let row = await findAccountByKey(executor, key);
      if (!row) {
        await insertAccountIfAbsent(executor, {
          id: newId('lac'),
          kind: key.kind,
          owner_id: key.ownerId,
          currency: key.currency,
          shard: key.shard,
          flags: encodeAccountFlags(flags),
          debits_pending: 0,
          debits_posted: 0,
          credits_pending: 0,
          credits_posted: 0,
          created_at: clock.now(),
        });
        row = await findAccountByKey(executor, key);
        if (!row) throw ledgerErrors.CONFLICT(key);
      }
      if (row.flags !== encodeAccountFlags(flags))
        throw ledgerErrors.ACCOUNT_EXISTS_WITH_DIFFERENT_FLAGS(key);
      return toAccount(row);
    },

    async findAccount(key, tx) {
      assertAccountKey(key);
      const row = await findAccountByKey(tx ?? db, key);
      return row && toAccount(row);
    },

    async balanceOf(key, tx) {
      assertAccountKey(key);
      const shards = (await findShards(tx ?? db, key)).map(toAccount);
      const sum = (field: 'debitsPending' | 'debitsPosted' | 'creditsPending' | 'creditsPosted') =>
        shards.reduce((total, a) => total + a[field], 0);
      return {
        debitsPending: sum('debitsPending'),
        debitsPosted: sum('debitsPosted'),
        creditsPending: sum('creditsPending'),
        creditsPosted: sum('creditsPosted'),
        shards,
      };
    },

    async getAccount(id, tx) {
      const [row] = await findAccounts(tx ?? db, [id]);
      return row && toAccount(row);
    },

    async getAccounts(ids, tx) {
      const rows = new Map((await findAccounts(tx ?? db, ids)).map((r) => [r.id, toAccount(r)]));
      return ids.flatMap((id) => rows.get(id) ?? []);
    },

    async createTransfer(input, tx) {
      const [transfer] = await createTransfers([input], tx);
      return transfer as Transfer;
    },

    createTransfers,

    async getTransfer(id, tx) {
      const [row] = await findTransfers(tx ?? db, [id]);
      return row && toTransfer(row);
    },

    async pendingStatus(pendingId, tx) {
      const executor = tx ?? db;
      const [row] = await findTransfers(executor, [pendingId]);
      if (!row) return undefined;
      const pending = toTransfer(row);
      if (!pending.flags.pending) throw ledgerErrors.PENDING_TRANSFER_NOT_PENDING({ pending_id: pendingId });
      const [resolution] = await findResolutions(executor, [pendingId]);
      const resolvedBy = resolution ? toTransfer(resolution) : null;
      let status: PendingStatus = 'pending';
      if (resolvedBy?.flags.postPendingTransfer) status = 'posted';
      else if (resolvedBy?.flags.expired) status = 'expired';
      else if (resolvedBy) status = 'voided';
      else if (pending.expiresAt !== null && clock.now() >= pending.expiresAt) status = 'expired';
      return { status, pending, resolvedBy };
    },

    async listTransfers(query, tx) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
      const rows = await listTransfers(tx ?? db, {
        ...(query.accountId !== undefined ? { accountId: query.accountId } : {}),
        ...(query.userData !== undefined ? { userData: query.userData } : {}),
        ...(query.after !== undefined ? { after: query.after } : {}),
        limit,
        order: query.order ?? 'asc',
      });
      const last = rows.at(-1);
      return { items: rows.map(toTransfer), next: rows.length === limit && last ? last.seq : null };
    },

    async expirePendingTransfers(options = {}) {
      const lapsed = await findLapsedTimeouts(db, clock.now(), options.limit ?? 500);
      let voided = 0;
      for (const pendingId of lapsed) {
        // One small transaction each: a pending resolved meanwhile must not hold up the rest.
        const expiry: CheckedTransfer = {
          input: { id: `${expiryIdPrefix}${pendingId}`, pendingId, flags: expiryFlags },
          phase: 'void',
        };
        try {
          await inTransaction(undefined, (trx) => apply(trx, [expiry], true));
          voided++;
        } catch (error) {
          if (!(error instanceof PlazaError)) throw error;
        }
      }
      return voided;
    },

    checkInvariants: (tx) => checkInvariants(tx ?? db),
  };
}
