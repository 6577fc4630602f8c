/**
 * Guaranteed payment: orders held in escrow as two-phase ledger transfers, settled to the
 * merchant (minus commission, split among receivers) or refunded; callbacks and funnel
 * steps in the same transaction as each change.
 */
export { type Currency, currencyExponents, supportedCurrencies } from './currencies.ts';
export { paymentErrors } from './errors.ts';
export { paymentMigrations } from './migrations/index.ts';
export type { Order, OrderItem, Receiver, Refund } from './order.model.ts';
export { decide, type OrderStatus, orderStatuses } from './order-state.ts';
export {
  type ChargeOutcome,
  type ChargeRequest,
  type ChargeResult,
  type PaymentChannel,
  payCodes,
  type SandboxChannel,
  sandboxChannel,
} from './payment-channel.ts';
export { paymentEvents } from './payment-events.ts';
export { paymentsPlugin } from './payments.plugin.ts';
export { createPaymentsService, type PaymentsService } from './payments.service.ts';
export type { PaymentTables } from './payments.table.ts';
export {
  defaultPaymentsOptions,
  type MerchantServiceRecord,
  type PaymentsDeps,
  type PaymentsOptions,
  type RefundRequestGate,
} from './payments-context.ts';
export { paymentsPersonalData } from './personal-data.ts';
export type { Settlement } from './settlement.service.ts';
export { commissionOf, divideSettlement } from './settlement-split.ts';
