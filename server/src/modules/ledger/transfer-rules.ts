import type { Account } from './account.ts';
import { ledgerErrors } from './errors.ts';
import {
  type CheckedTransfer,
  decodeTransferFlags,
  encodeTransferFlags,
  type Transfer,
  type TransferInput,
} from './transfer.ts';

/**
 * What a batch is decided against: the accounts it touches (already locked), and the
 * stored transfers it names. The rules here are pure so they read as TigerBeetle's
 * state machine does, with no I/O in between; the service does the locking and writing.
 */
export interface LedgerState {
  /** Locked copies; the batch's effects accumulate on them. */
  accounts: Map<string, Account>;
  /** Stored transfers with the ids of the batch (replays). */
  existing: Map<string, Transfer>;
  /** Stored transfers that the batch names as `pendingId`. */
  pendings: Map<string, Transfer>;
  /** Stored posts and voids of those pending transfers, by pending id. */
  resolutions: Map<string, Transfer>;
}

export interface BatchOutcome {
  /** One per input, in order: the new transfer, or the stored original of a replay. */
  transfers: Transfer[];
  created: Transfer[];
  /** Accounts whose balances changed. */
  touched: Account[];
  timeoutsOpened: { pendingId: string; expiresAt: number }[];
  timeoutsClosed: string[];
}

type Details = { index: number; transfer_id: string };
type Balance = 'debitsPending' | 'debitsPosted' | 'creditsPending' | 'creditsPosted';

/**
 * Refuses a replay whose fields differ from the stored transfer. Fields a post or void
 * may leave out are compared only when given, so replaying the same request matches.
 */
export function assertSameTransfer(stored: Transfer, input: TransferInput, details: Details): void {
  const differs = (field: string) => ({ ...details, field });
  if (encodeTransferFlags(stored.flags) !== encodeTransferFlags(input.flags ?? {}))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_FLAGS(differs('flags'));
  if (stored.pendingId !== (input.pendingId ?? null))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_PENDING_ID(differs('pending_id'));
  if (stored.timeoutMs !== (input.timeoutMs ?? null))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_TIMEOUT(differs('timeout_ms'));
  const given = <K extends keyof TransferInput>(key: K, value: Transfer[keyof Transfer]) =>
    input[key] !== undefined && input[key] !== value;
  if (given('debitAccountId', stored.debitAccountId))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID(differs('debit_account_id'));
  if (given('creditAccountId', stored.creditAccountId))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID(differs('credit_account_id'));
  if (given('amount', stored.amount)) throw ledgerErrors.EXISTS_WITH_DIFFERENT_AMOUNT(differs('amount'));
  if (given('currency', stored.currency))
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_CURRENCY(differs('currency'));
  if (given('code', stored.code)) throw ledgerErrors.EXISTS_WITH_DIFFERENT_CODE(differs('code'));
  // A single-phase or pending transfer without user_data stored null; a post or void inherited it.
  const resolving = stored.pendingId !== null;
  if ((input.userData !== undefined || !resolving) && (input.userData ?? null) !== stored.userData)
    throw ledgerErrors.EXISTS_WITH_DIFFERENT_USER_DATA(differs('user_data'));
}

function add(account: Account, balance: Balance, delta: number, details: Details): void {
  const next = account[balance] + delta;
  if (!Number.isSafeInteger(next) || next < 0)
    throw ledgerErrors.BALANCE_OVERFLOW({ ...details, account_id: account.id, balance });
  account[balance] = next;
}

function accountOf(state: LedgerState, id: string, field: string, details: Details): Account {
  const account = state.accounts.get(id);
  if (!account) throw ledgerErrors.ACCOUNT_NOT_FOUND({ ...details, field, account_id: id });
  return account;
}

/**
 * Applies a batch all-or-nothing: the first refused transfer throws and nothing of the
 * batch is kept. Later transfers see the effects of earlier ones (a pending created in
 * the batch may be posted by it), as in a TigerBeetle linked chain.
 */
export function applyBatch(
  state: LedgerState,
  batch: CheckedTransfer[],
  now: number,
  options: { expiry?: boolean } = {},
): BatchOutcome {
  const made = new Map<string, Transfer>();
  const resolved = new Map<string, Transfer>();
  const touched = new Set<Account>();
  const outcome: BatchOutcome = {
    transfers: [],
    created: [],
    touched: [],
    timeoutsOpened: [],
    timeoutsClosed: [],
  };

  batch.forEach(({ input, phase }, index) => {
    const details: Details = { index, transfer_id: input.id };
    const original = made.get(input.id) ?? state.existing.get(input.id);
    if (original) {
      assertSameTransfer(original, input, details);
      outcome.transfers.push(original);
      return;
    }

    let transfer: Transfer;
    if (phase === 'single' || phase === 'pending') {
      const amount = input.amount as number;
      const currency = input.currency as string;
      const debit = accountOf(state, input.debitAccountId as string, 'debit_account_id', details);
      const credit = accountOf(state, input.creditAccountId as string, 'credit_account_id', details);
      if (debit.currency !== currency || credit.currency !== currency)
        throw ledgerErrors.CURRENCY_MISMATCH({
          ...details,
          currency,
          debit_currency: debit.currency,
          credit_currency: credit.currency,
        });
      // Pending debits count against the limit: a reservation is money already promised.
      if (
        debit.flags.debitsMustNotExceedCredits &&
        debit.debitsPending + debit.debitsPosted + amount > debit.creditsPosted
      )
        throw ledgerErrors.EXCEEDS_CREDITS({ ...details, account_id: debit.id });
      if (
        credit.flags.creditsMustNotExceedDebits &&
        credit.creditsPending + credit.creditsPosted + amount > credit.debitsPosted
      )
        throw ledgerErrors.EXCEEDS_DEBITS({ ...details, account_id: credit.id });
      const pending = phase === 'pending';
      add(debit, pending ? 'debitsPending' : 'debitsPosted', amount, details);
      add(credit, pending ? 'creditsPending' : 'creditsPosted', amount, details);
      touched.add(debit).add(credit);
      const timeoutMs = input.timeoutMs ?? null;
      transfer = {
        id: input.id,
        debitAccountId: debit.id,
        creditAccountId: credit.id,
        amount,
        currency,
        code: input.code as string,
        userData: input.userData ?? null,
        flags: decodeTransferFlags(encodeTransferFlags(input.flags ?? {})),
        pendingId: null,
        timeoutMs,
        expiresAt: timeoutMs === null ? null : now + timeoutMs,
        createdAt: now,
      };
      if (transfer.expiresAt !== null)
        outcome.timeoutsOpened.push({ pendingId: transfer.id, expiresAt: transfer.expiresAt });
    } else {
      const pendingId = input.pendingId as string;
      const pending = made.get(pendingId) ?? state.pendings.get(pendingId);
      if (!pending) throw ledgerErrors.PENDING_TRANSFER_NOT_FOUND({ ...details, pending_id: pendingId });
      if (!pending.flags.pending)
        throw ledgerErrors.PENDING_TRANSFER_NOT_PENDING({ ...details, pending_id: pendingId });
      for (const [field, given, own] of [
        ['debit_account_id', input.debitAccountId, pending.debitAccountId],
        ['credit_account_id', input.creditAccountId, pending.creditAccountId],
        ['currency', input.currency, pending.currency],
        ['code', input.code, pending.code],
      ] as const)
        if (given !== undefined && given !== own)
          throw ledgerErrors.PENDING_TRANSFER_HAS_DIFFERENT_FIELDS({ ...details, field });
      const earlier = resolved.get(pendingId) ?? state.resolutions.get(pendingId);
      if (earlier?.flags.postPendingTransfer)
        throw ledgerErrors.PENDING_TRANSFER_ALREADY_POSTED({
          ...details,
          pending_id: pendingId,
          by: earlier.id,
        });
      if (earlier?.flags.expired)
        throw ledgerErrors.PENDING_TRANSFER_EXPIRED({ ...details, pending_id: pendingId });
      if (earlier)
        throw ledgerErrors.PENDING_TRANSFER_ALREADY_VOIDED({
          ...details,
          pending_id: pendingId,
          by: earlier.id,
        });
      if (!options.expiry && pending.expiresAt !== null && now >= pending.expiresAt)
        throw ledgerErrors.PENDING_TRANSFER_EXPIRED({ ...details, pending_id: pendingId });
      const post = phase === 'post';
      const amount = input.amount ?? pending.amount;
      if (post && amount > pending.amount)
        throw ledgerErrors.EXCEEDS_PENDING_TRANSFER_AMOUNT({ ...details, pending_amount: pending.amount });
      if (!post && amount !== pending.amount)
        throw ledgerErrors.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT({
          ...details,
          pending_amount: pending.amount,
        });
      const debit = accountOf(state, pending.debitAccountId, 'debit_account_id', details);
      const credit = accountOf(state, pending.creditAccountId, 'credit_account_id', details);
      // The whole reservation is released; only the posted amount lands.
      add(debit, 'debitsPending', -pending.amount, details);
      add(credit, 'creditsPending', -pending.amount, details);
      if (post) {
        add(debit, 'debitsPosted', amount, details);
        add(credit, 'creditsPosted', amount, details);
      }
      touched.add(debit).add(credit);
      transfer = {
        id: input.id,
        debitAccountId: pending.debitAccountId,
        creditAccountId: pending.creditAccountId,
        amount,
        currency: pending.currency,
        code: pending.code,
        userData: input.userData === undefined ? pending.userData : input.userData,
        flags: decodeTransferFlags(encodeTransferFlags({ ...input.flags, expired: options.expiry === true })),
        pendingId,
        timeoutMs: null,
        expiresAt: null,
        createdAt: now,
      };
      resolved.set(pendingId, transfer);
      if (pending.expiresAt !== null) {
        const opened = outcome.timeoutsOpened.findIndex((t) => t.pendingId === pendingId);
        if (opened >= 0) outcome.timeoutsOpened.splice(opened, 1);
        else outcome.timeoutsClosed.push(pendingId);
      }
    }
    made.set(transfer.id, transfer);
    outcome.created.push(transfer);
    outcome.transfers.push(transfer);
  });
  outcome.touched = [...touched];
  return outcome;
}
