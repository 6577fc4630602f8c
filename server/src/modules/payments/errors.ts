import { defineErrors } from '../../errors/index.ts';

/** Guaranteed payment's coded errors: every refusal leaves orders, refunds and the ledger unchanged. */
export const paymentErrors = defineErrors('PAYMENT', {
  ORDER_NOT_FOUND: { status: 404, message: 'No such order' },
  REFUND_NOT_FOUND: { status: 404, message: 'No such refund' },
  RECEIVER_NOT_FOUND: { status: 404, message: "No such receiver in the merchant's org" },
  CURRENCY_UNSUPPORTED: { status: 400, message: 'This currency is not supported' },
  AMOUNT_INVALID: { status: 400, message: 'An amount must be a positive integer of minor units' },
  AMOUNT_TOO_LARGE: { status: 400, message: 'The amount is above the maximum for one order' },
  ITEMS_MISMATCH: { status: 400, message: 'The line items do not add up to total_amount' },
  OPENID_UNKNOWN: { status: 400, message: 'This openid is not a user of this app' },
  OUT_ORDER_NO_EXISTS: {
    status: 409,
    message: 'This out_order_no was used for a different order',
  },
  OUT_REFUND_NO_EXISTS: {
    status: 409,
    message: 'This out_refund_no was used for a different refund',
  },
  ORDER_TOKEN_INVALID: { status: 403, message: 'The order token is not valid for this order and user' },
  ORDER_TOKEN_EXPIRED: { status: 410, message: 'The order token has expired; the order is closed' },
  CONFIRMATION_REQUIRED: { status: 400, message: 'The payment sheet must confirm the payment' },
  OUTCOME_NOT_ALLOWED: { status: 400, message: 'Only the sandbox channel takes a chosen outcome' },
  ORDER_NOT_PAID: { status: 409, message: 'The order is not paid' },
  ORDER_CLOSED: { status: 409, message: 'The order is closed' },
  ORDER_ALREADY_SETTLED: { status: 409, message: 'The order is already settled' },
  ORDER_FULLY_REFUNDED: { status: 409, message: 'The order is fully refunded' },
  REFUND_EXCEEDS_PAID: { status: 409, message: 'The refund is more than what is left to refund' },
  MERCHANT_BALANCE_INSUFFICIENT: {
    status: 409,
    message: "The merchant's balance is too low for this refund after settlement",
  },
  SPLITS_EXCEED_REMAINDER: {
    status: 409,
    message: 'The splits are more than what is left after commission',
  },
  SPLIT_INVALID: { status: 400, message: 'Each split names a different receiver with a positive amount' },
  REFUND_NOT_REQUESTED: { status: 409, message: 'The refund is not waiting for an answer' },
  RANGE_INVALID: { status: 400, message: 'from must be before to' },
});
