import type { PlazaError } from '../../errors/index.ts';
import { paymentErrors } from './errors.ts';
import type { Refusal } from './order-state.ts';

/** An amount in minor units: a positive safe integer. */
export function checkAmount(amount: unknown): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
    throw paymentErrors.AMOUNT_INVALID({ amount: String(amount) });
}

/** The coded error for each reason the state machine gives. */
export function refusalError(refusal: Refusal, details?: Record<string, unknown>): PlazaError {
  switch (refusal) {
    case 'not_paid':
      return paymentErrors.ORDER_NOT_PAID(details);
    case 'closed':
      return paymentErrors.ORDER_CLOSED(details);
    case 'already_settled':
      return paymentErrors.ORDER_ALREADY_SETTLED(details);
    case 'fully_refunded':
      return paymentErrors.ORDER_FULLY_REFUNDED(details);
    case 'already_paid':
      return paymentErrors.ORDER_NOT_PAID(details);
    case 'amount_invalid':
      return paymentErrors.AMOUNT_INVALID(details);
    case 'exceeds_refundable':
      return paymentErrors.REFUND_EXCEEDS_PAID(details);
  }
}
