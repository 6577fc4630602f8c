import { assertCurrency } from './account.ts';
import { ledgerErrors } from './errors.ts';

/** At most one is set: none is a single-phase transfer. */
export interface TransferFlagsInput {
  /** Reserve the amount (debits_pending / credits_pending) until a post or void names it. */
  pending?: boolean;
  /** Post some or all of the pending transfer `pendingId`; the rest is released. */
  postPendingTransfer?: boolean;
  /** Release the whole pending transfer `pendingId`. */
  voidPendingTransfer?: boolean;
}

export interface TransferFlags extends Required<TransferFlagsInput> {
  /** The void was written by the expiry sweep, not by a caller. */
  expired: boolean;
}

/** TigerBeetle's bit values (`expired` is ours). */
export const transferFlagBits = {
  pending: 2,
  postPendingTransfer: 4,
  voidPendingTransfer: 8,
  expired: 256,
} as const;

/**
 * A transfer to create. For a post or void the accounts, currency, code and user_data
 * may be left out (they are the pending transfer's), and so may the amount (the whole
 * pending amount); when given, accounts, currency and code must match the pending one.
 */
export interface TransferInput {
  /** Chosen by the caller and unique forever: replaying it is how retries stay safe. */
  id: string;
  debitAccountId?: string;
  creditAccountId?: string;
  /** Integer minor units, > 0. */
  amount?: number;
  currency?: string;
  /** Why the money moves (e.g. `escrow_hold`, `settle`, `commission`). */
  code?: string;
  /** A reference of the caller's, e.g. the order id. */
  userData?: string | null;
  flags?: TransferFlagsInput;
  pendingId?: string;
  /** Pending transfers only: after this many ms the reservation lapses. */
  timeoutMs?: number;
}

export interface Transfer {
  id: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  currency: string;
  code: string;
  userData: string | null;
  flags: TransferFlags;
  pendingId: string | null;
  timeoutMs: number | null;
  expiresAt: number | null;
  createdAt: number;
}

export type TransferPhase = 'single' | 'pending' | 'post' | 'void';

/** A transfer input whose shape has been checked; what is still optional comes from the pending transfer. */
export interface CheckedTransfer {
  input: TransferInput;
  phase: TransferPhase;
}

export function encodeTransferFlags(flags: TransferFlagsInput & { expired?: boolean }): number {
  let bits = 0;
  for (const name of Object.keys(transferFlagBits) as (keyof typeof transferFlagBits)[])
    if (flags[name]) bits |= transferFlagBits[name];
  return bits;
}

export function decodeTransferFlags(bits: number): TransferFlags {
  return {
    pending: (bits & transferFlagBits.pending) !== 0,
    postPendingTransfer: (bits & transferFlagBits.postPendingTransfer) !== 0,
    voidPendingTransfer: (bits & transferFlagBits.voidPendingTransfer) !== 0,
    expired: (bits & transferFlagBits.expired) !== 0,
  };
}

export function phaseOf(flags: TransferFlagsInput): TransferPhase {
  if (flags.pending) return 'pending';
  if (flags.postPendingTransfer) return 'post';
  if (flags.voidPendingTransfer) return 'void';
  return 'single';
}

const idPattern = /^[\x21-\x7e]{1,128}$/;

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** A positive integer that survives a round trip through a float: no fractions, no 2^53 and beyond. */
export function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * Checks everything that can be checked without the database, in TigerBeetle's order,
 * so a malformed transfer is refused before any row is locked.
 */
export function checkTransferShape(input: TransferInput, details: Record<string, unknown>): CheckedTransfer {
  if (typeof input !== 'object' || input === null) throw ledgerErrors.ID_INVALID(details);
  if (typeof input.id !== 'string' || !idPattern.test(input.id)) throw ledgerErrors.ID_INVALID(details);
  const flags = input.flags ?? {};
  const set = [flags.pending, flags.postPendingTransfer, flags.voidPendingTransfer].filter(Boolean).length;
  if (set > 1) throw ledgerErrors.FLAGS_ARE_MUTUALLY_EXCLUSIVE(details);
  const phase = phaseOf(flags);
  const resolving = phase === 'post' || phase === 'void';

  if (resolving) {
    if (input.pendingId === undefined) throw ledgerErrors.FIELD_REQUIRED({ ...details, field: 'pending_id' });
    if (typeof input.pendingId !== 'string' || !idPattern.test(input.pendingId))
      throw ledgerErrors.ID_INVALID({ ...details, field: 'pending_id' });
    if (input.pendingId === input.id) throw ledgerErrors.PENDING_ID_MUST_BE_DIFFERENT(details);
  } else {
    if (input.pendingId !== undefined) throw ledgerErrors.PENDING_ID_MUST_BE_ABSENT(details);
    for (const field of ['debitAccountId', 'creditAccountId', 'amount', 'currency', 'code'] as const)
      if (input[field] === undefined) throw ledgerErrors.FIELD_REQUIRED({ ...details, field });
  }
  if (input.timeoutMs !== undefined) {
    if (phase !== 'pending') throw ledgerErrors.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER(details);
    if (!isAmount(input.timeoutMs))
      throw ledgerErrors.TIMEOUT_INVALID({ ...details, timeout_ms: input.timeoutMs });
  }
  if (input.amount !== undefined && !isAmount(input.amount))
    throw ledgerErrors.AMOUNT_INVALID({ ...details, amount: String(input.amount) });
  for (const field of ['debitAccountId', 'creditAccountId'] as const)
    if (input[field] !== undefined && !isText(input[field], 128))
      throw ledgerErrors.ACCOUNT_NOT_FOUND({ ...details, field });
  if (input.debitAccountId !== undefined && input.debitAccountId === input.creditAccountId)
    throw ledgerErrors.ACCOUNTS_MUST_BE_DIFFERENT(details);
  if (input.currency !== undefined) assertCurrency(input.currency, details);
  if (input.code !== undefined && !isText(input.code, 64)) throw ledgerErrors.CODE_INVALID(details);
  if (input.userData !== undefined && input.userData !== null && !isText(input.userData, 256))
    throw ledgerErrors.USER_DATA_INVALID(details);
  // Only the caller's three flags survive: `expired` is the expiry sweep's alone.
  const known: TransferFlagsInput = {};
  if (flags.pending) known.pending = true;
  if (flags.postPendingTransfer) known.postPendingTransfer = true;
  if (flags.voidPendingTransfer) known.voidPendingTransfer = true;
  return { input: { ...input, flags: known }, phase };
}
