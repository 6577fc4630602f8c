/**
 * The Douyin dialect: Douyin's server routes (login, tokens, guaranteed payment) under
 * `/compat/douyin`, translated to Plaza's own login, apps and payments services, with
 * Douyin's envelopes, signatures and callbacks, so a merchant's server moves by its base URL.
 */
export { douyinBasePath, douyinCompatPlugin } from './douyin-compat.plugin.ts';
export { createDouyinCompatService, type DouyinCompatService } from './douyin-compat.service.ts';
export type { DouyinCompatTables } from './douyin-compat.table.ts';
export { type DouyinCompatDeps, tradeKeySource } from './douyin-compat-context.ts';
export { withEcpayCallbacks } from './ecpay-callbacks.ts';
export { ecpayCallbackSignature, ecpayRequestSign } from './ecpay-sign.ts';
export { douyinErrors } from './errors.ts';
export { douyinCompatMigrations } from './migrations/index.ts';
export { preCreateRefundGate } from './pre-create-refund.ts';
export { pendingRefunds, tradeCallback, withTradeCallbacks } from './trade-callbacks.ts';
export {
  callbackSignedText,
  parseByteAuthorization,
  publicKeyProblem,
  requestOrderSignedText,
} from './trade-signature.ts';
