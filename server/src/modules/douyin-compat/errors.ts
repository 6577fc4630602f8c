import { defineErrors } from '../../errors/index.ts';

/**
 * The Douyin dialect's own refusals (documented in docs/errors.md). The routes under
 * `/compat/douyin` render these, and the login, apps and payments errors they pass on, in
 * Douyin's envelope (`douyin-envelope.ts`); the console's settings routes in Plaza's.
 */
export const douyinErrors = defineErrors('DOUYIN', {
  PARAMS_INVALID: { status: 400, message: 'A field is missing or malformed' },
  SIGN_INVALID: { status: 401, message: 'The request sign does not match the app’s payment SALT' },
  PAYMENT_NOT_SET_UP: {
    status: 400,
    message: 'The app has no Douyin payment settings (SALT and callback token) yet',
  },
  ORDER_NOT_FOUND: { status: 404, message: 'No such order for this app' },
  ORDER_TOKEN_INVALID: { status: 400, message: 'The order_token does not belong to this order' },
  ORDER_EXPIRED: { status: 400, message: 'The order is no longer payable' },
  ORDER_TAKEN: { status: 409, message: 'Another user is paying for this order' },
  ORDER_EXISTS: {
    status: 409,
    message: 'This out_order_no was used for an order with other fields',
  },
  ORDER_NOT_PAID: { status: 409, message: 'The order has not been paid' },
  REFUND_NOT_FOUND: { status: 404, message: 'No such refund for this app' },
  SETTLE_NOT_FOUND: { status: 404, message: 'No such settlement for this app' },
  REFUND_EXISTS: { status: 409, message: 'This out_refund_no was used for another order' },
  ACCESS_TOKEN_INVALID: {
    status: 401,
    message: 'The access-token header is missing, or not a live client token of an active app',
  },
  SETTLE_EXISTS: { status: 409, message: 'This out_settle_no was used for another order' },
  RECEIVER_UNKNOWN: {
    status: 400,
    message: 'A settle_params merchant_uid is not a split receiver of the app’s org',
  },
  ANONYMOUS_CODE_INVALID: { status: 400, message: 'The anonymous_code is unknown, used or expired' },
  GRANT_TYPE_UNSUPPORTED: { status: 400, message: 'grant_type must be client_credential' },
  INVALID_SETTINGS: { status: 400, message: 'The SALT or callback token is too short or too long' },
});
