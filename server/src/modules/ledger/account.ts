import { ledgerErrors } from './errors.ts';

/**
 * What an account is for. Escrow, merchant, split and commission accounts hold money
 * and may not go below zero; funding and external accounts are where money enters
 * from (and leaves to) the world outside the platform, so they run negative by design.
 */
export const accountKinds = [
  'user_funding',
  'app_escrow',
  'merchant_balance',
  'split_receiver',
  'platform_commission',
  'external',
] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface AccountFlags {
  /** debits_pending + debits_posted may never exceed credits_posted: the account cannot be overdrawn. */
  debitsMustNotExceedCredits: boolean;
  /** credits_pending + credits_posted may never exceed debits_posted. */
  creditsMustNotExceedDebits: boolean;
}

/** TigerBeetle's bit values, so a stored flags column reads the same as its docs. */
export const accountFlagBits = { debitsMustNotExceedCredits: 2, creditsMustNotExceedDebits: 4 } as const;

export interface Account {
  id: string;
  kind: AccountKind;
  ownerId: string;
  currency: string;
  /** Which of the owner's accounts of this kind and currency; 0 for an owner with one. */
  shard: number;
  flags: AccountFlags;
  debitsPending: number;
  debitsPosted: number;
  creditsPending: number;
  creditsPosted: number;
  createdAt: number;
}

export interface AccountKey {
  kind: AccountKind;
  /** The app, org or receiver id the account belongs to (an id, never a foreign key). */
  ownerId: string;
  currency: string;
  /**
   * One of several accounts of the same owner, kind and currency (default 0). Spreading an
   * owner's transfers over shards keeps concurrent ones from all locking one row; the
   * owner's balance is the sum over its shards (`balanceOf`).
   */
  shard?: number;
}

/** The most shards an owner may have of one kind and currency. */
export const maxShards = 256;

export interface EnsureAccountInput extends AccountKey {
  /** Defaults by kind: every kind that holds money gets `debitsMustNotExceedCredits`. */
  flags?: Partial<AccountFlags>;
}

const holdsMoney: ReadonlySet<AccountKind> = new Set([
  'app_escrow',
  'merchant_balance',
  'split_receiver',
  'platform_commission',
]);

export function encodeAccountFlags(flags: AccountFlags): number {
  return (
    (flags.debitsMustNotExceedCredits ? accountFlagBits.debitsMustNotExceedCredits : 0) |
    (flags.creditsMustNotExceedDebits ? accountFlagBits.creditsMustNotExceedDebits : 0)
  );
}

export function decodeAccountFlags(bits: number): AccountFlags {
  return {
    debitsMustNotExceedCredits: (bits & accountFlagBits.debitsMustNotExceedCredits) !== 0,
    creditsMustNotExceedDebits: (bits & accountFlagBits.creditsMustNotExceedDebits) !== 0,
  };
}

const currencyPattern = /^[A-Z]{3}$/;

export function assertCurrency(
  currency: unknown,
  details?: Record<string, unknown>,
): asserts currency is string {
  if (typeof currency !== 'string' || !currencyPattern.test(currency))
    throw ledgerErrors.CURRENCY_INVALID({ ...details, currency });
}

export function assertAccountKey(key: AccountKey): void {
  if (!accountKinds.includes(key.kind)) throw ledgerErrors.ACCOUNT_KIND_INVALID({ kind: key.kind });
  if (typeof key.ownerId !== 'string' || key.ownerId.length === 0 || key.ownerId.length > 128)
    throw ledgerErrors.OWNER_INVALID({ owner_id: key.ownerId });
  assertCurrency(key.currency);
  const shard = key.shard ?? 0;
  if (!Number.isInteger(shard) || shard < 0 || shard >= maxShards)
    throw ledgerErrors.SHARD_INVALID({ shard: key.shard });
}

/** Validates the input and settles the flags the account will have. */
export function resolveAccountFlags(input: EnsureAccountInput): AccountFlags {
  assertAccountKey(input);
  const flags: AccountFlags = {
    debitsMustNotExceedCredits: input.flags?.debitsMustNotExceedCredits ?? holdsMoney.has(input.kind),
    creditsMustNotExceedDebits: input.flags?.creditsMustNotExceedDebits ?? false,
  };
  // Both limits at once would freeze the account at zero forever.
  if (flags.debitsMustNotExceedCredits && flags.creditsMustNotExceedDebits)
    throw ledgerErrors.ACCOUNT_FLAGS_ARE_MUTUALLY_EXCLUSIVE(input);
  return flags;
}
