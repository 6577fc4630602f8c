import { defineErrors } from '../../errors/index.ts';

/**
 * The ledger's coded errors. Names follow TigerBeetle's result codes where one exists,
 * so its documentation explains them. A refused transfer never leaves a trace: the
 * whole batch is refused and `details` names the offending `index` and `transfer_id`.
 */
export const ledgerErrors = defineErrors('LEDGER', {
  // the shape of a request
  ID_INVALID: { status: 400, message: 'A transfer id must be 1 to 128 printable characters' },
  AMOUNT_INVALID: { status: 400, message: 'An amount must be a positive safe integer of minor units' },
  CURRENCY_INVALID: { status: 400, message: 'A currency must be an ISO 4217 code (three capital letters)' },
  CODE_INVALID: { status: 400, message: 'A transfer code must be 1 to 64 characters' },
  USER_DATA_INVALID: { status: 400, message: 'user_data must be at most 256 characters' },
  ACCOUNT_KIND_INVALID: { status: 400, message: 'No such account kind' },
  OWNER_INVALID: { status: 400, message: 'An account owner must be 1 to 128 characters' },
  SHARD_INVALID: { status: 400, message: 'An account shard must be an integer from 0 to 255' },
  FLAGS_ARE_MUTUALLY_EXCLUSIVE: {
    status: 400,
    message: 'A transfer is at most one of pending, post_pending_transfer, void_pending_transfer',
  },
  ACCOUNT_FLAGS_ARE_MUTUALLY_EXCLUSIVE: {
    status: 400,
    message: 'An account cannot limit both its debits and its credits',
  },
  FIELD_REQUIRED: { status: 400, message: 'This kind of transfer needs this field' },
  PENDING_ID_MUST_BE_ABSENT: { status: 400, message: 'Only a post or void names a pending transfer' },
  PENDING_ID_MUST_BE_DIFFERENT: { status: 400, message: 'A transfer cannot resolve itself' },
  TIMEOUT_RESERVED_FOR_PENDING_TRANSFER: { status: 400, message: 'Only a pending transfer has a timeout' },
  TIMEOUT_INVALID: { status: 400, message: 'A timeout must be a positive safe integer of milliseconds' },
  BATCH_INVALID: { status: 400, message: 'A batch holds 1 to 1000 transfers' },
  ACCOUNTS_MUST_BE_DIFFERENT: {
    status: 400,
    message: 'A transfer debits and credits two different accounts',
  },
  // the state of the ledger
  ACCOUNT_NOT_FOUND: { status: 404, message: 'No such ledger account' },
  ACCOUNT_EXISTS_WITH_DIFFERENT_FLAGS: {
    status: 409,
    message: 'This account exists with different flags',
  },
  CURRENCY_MISMATCH: {
    status: 409,
    message: 'A transfer moves money only between accounts of its own currency',
  },
  EXCEEDS_CREDITS: { status: 409, message: 'The debit account would owe more than it holds' },
  EXCEEDS_DEBITS: { status: 409, message: 'The credit account would receive more than it may' },
  BALANCE_OVERFLOW: { status: 409, message: 'A balance would leave the safe integer range' },
  PENDING_TRANSFER_NOT_FOUND: { status: 404, message: 'No such pending transfer' },
  PENDING_TRANSFER_NOT_PENDING: { status: 409, message: 'The named transfer is not a pending transfer' },
  PENDING_TRANSFER_ALREADY_POSTED: { status: 409, message: 'The pending transfer was already posted' },
  PENDING_TRANSFER_ALREADY_VOIDED: { status: 409, message: 'The pending transfer was already voided' },
  PENDING_TRANSFER_EXPIRED: { status: 409, message: 'The pending transfer timed out' },
  PENDING_TRANSFER_HAS_DIFFERENT_FIELDS: {
    status: 409,
    message: 'A post or void may only repeat the accounts, currency and code of its pending transfer',
  },
  PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT: {
    status: 409,
    message: 'A void releases the whole pending amount',
  },
  EXCEEDS_PENDING_TRANSFER_AMOUNT: {
    status: 409,
    message: 'A post cannot move more than the pending transfer holds',
  },
  EXISTS_WITH_DIFFERENT_FLAGS: { status: 409, message: 'This transfer id exists with different flags' },
  EXISTS_WITH_DIFFERENT_PENDING_ID: {
    status: 409,
    message: 'This transfer id exists with a different pending_id',
  },
  EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID: {
    status: 409,
    message: 'This transfer id exists with a different debit account',
  },
  EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID: {
    status: 409,
    message: 'This transfer id exists with a different credit account',
  },
  EXISTS_WITH_DIFFERENT_AMOUNT: { status: 409, message: 'This transfer id exists with a different amount' },
  EXISTS_WITH_DIFFERENT_CURRENCY: {
    status: 409,
    message: 'This transfer id exists with a different currency',
  },
  EXISTS_WITH_DIFFERENT_CODE: { status: 409, message: 'This transfer id exists with a different code' },
  EXISTS_WITH_DIFFERENT_USER_DATA: {
    status: 409,
    message: 'This transfer id exists with different user_data',
  },
  EXISTS_WITH_DIFFERENT_TIMEOUT: { status: 409, message: 'This transfer id exists with a different timeout' },
  CONFLICT: {
    status: 409,
    message: 'A concurrent change to the same accounts won; retry the request',
  },
});

export type LedgerErrorName = keyof typeof ledgerErrors;
