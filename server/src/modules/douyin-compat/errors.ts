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
  TRADE_KEY_INVALID: {
    status: 400,
    message: 'The public key is not a PEM RSA public key of at least 2048 bits',
  },
  TRADE_NOT_SET_UP: { status: 400, message: 'The app has registered no trade-system public key yet' },
  BYTE_AUTHORIZATION_INVALID: {
    status: 401,
    message:
      'byteAuthorization is not SHA256-RSA2048 with appid, nonce_str, timestamp, key_version and signature of this app',
  },
  BYTE_AUTHORIZATION_EXPIRED: {
    status: 401,
    message: 'The byteAuthorization timestamp is more than 5 minutes away from now',
  },
  KEY_VERSION_UNKNOWN: { status: 401, message: 'key_version is not the version of the registered key' },
  SIGNATURE_INVALID: {
    status: 401,
    message: "The signature does not verify with the app's registered public key",
  },
  ORDER_DATA_INVALID: {
    status: 400,
    message: "tt.requestOrder's data is not the order JSON Douyin documents",
  },
  REFUND_REFUSED: {
    status: 409,
    message: "The merchant's server did not allow the refund (pre_create_refund)",
  },
});
