import type { FastifyReply, FastifyRequest } from 'fastify';
import { toPlazaError } from '../../http/error-handler.ts';

/**
 * The one place the Douyin dialect's errors become responses. Douyin answers a refused
 * call with HTTP 200 and a number in its envelope, so merchants' code reads the number:
 * every Plaza error (its own, login's, apps', payments') is mapped to the number Douyin
 * documents for that case, per family of routes, and never leaks a stack or SQL.
 */
export type DouyinFamily = 'v2' | 'legacy' | 'oauth' | 'ecpay' | 'trade' | 'notify' | 'notify_v2';

interface DialectCode {
  no: number;
  tips: string;
}

const internal: Record<DouyinFamily, DialectCode> = {
  v2: { no: -1, tips: 'system error' },
  legacy: { no: -1, tips: 'system error' },
  oauth: { no: 2100004, tips: 'system busy' },
  ecpay: { no: 2000, tips: 'system error' },
  trade: { no: 28001000, tips: 'system error' },
  notify: { no: 2000, tips: 'system error' },
  notify_v2: { no: 28001000, tips: 'system error' },
};

const badParams: Record<DouyinFamily, DialectCode> = {
  v2: { no: 40014, tips: 'bad params' },
  legacy: { no: 40014, tips: 'bad params' },
  oauth: { no: 2100005, tips: 'invalid params' },
  ecpay: { no: 2001, tips: 'invalid params' },
  trade: { no: 28001005, tips: 'invalid params' },
  notify: { no: 1000, tips: 'invalid params format' },
  notify_v2: { no: 28001005, tips: 'invalid params' },
};

const login: Record<string, DialectCode> = {
  APP_INVALID_CREDENTIALS: { no: 40017, tips: 'bad secret' },
  APP_NOT_FOUND: { no: 40015, tips: 'bad appid' },
  APP_TAKEN_DOWN: { no: 40015, tips: 'bad appid' },
  APP_CREDENTIALS_THROTTLED: { no: 40029, tips: 'too many failed attempts, try later' },
  LOGIN_CODE_INVALID: { no: 40018, tips: 'bad code' },
  LOGIN_CODE_USED: { no: 40018, tips: 'bad code' },
  LOGIN_CODE_EXPIRED: { no: 40018, tips: 'bad code' },
  DOUYIN_ANONYMOUS_CODE_INVALID: { no: 40019, tips: 'bad anonymous_code' },
  DOUYIN_GRANT_TYPE_UNSUPPORTED: { no: 40020, tips: 'bad grant_type' },
};

const trade: Record<string, DialectCode> = {
  DOUYIN_ACCESS_TOKEN_INVALID: { no: 28001003, tips: 'access-token is invalid or expired' },
  PAYMENT_ORDER_NOT_FOUND: { no: 28001007, tips: 'order not found' },
  DOUYIN_REFUND_NOT_FOUND: { no: 28001009, tips: 'refund not found' },
  PAYMENT_REFUND_NOT_FOUND: { no: 28001009, tips: 'refund not found' },
  DOUYIN_SETTLE_NOT_FOUND: { no: 28001009, tips: 'settlement not found' },
  PAYMENT_ORDER_NOT_PAID: { no: 28001011, tips: 'order is not paid' },
  PAYMENT_ORDER_CLOSED: { no: 28001011, tips: 'order is closed' },
  PAYMENT_ORDER_ALREADY_SETTLED: { no: 28001011, tips: 'order is already settled' },
  PAYMENT_ORDER_FULLY_REFUNDED: { no: 28001011, tips: 'order is fully refunded' },
  PAYMENT_REFUND_EXCEEDS_PAID: { no: 28001011, tips: 'refund is more than what is left' },
  PAYMENT_REFUND_NOT_REQUESTED: { no: 28001011, tips: 'the refund is not waiting for an audit' },
  PAYMENT_OUT_REFUND_NO_EXISTS: { no: 28001012, tips: 'out_refund_no was used for another refund' },
  DOUYIN_REFUND_EXISTS: { no: 28001012, tips: 'out_refund_no was used for another order' },
  DOUYIN_SETTLE_EXISTS: { no: 28001012, tips: 'out_settle_no was used for another order' },
  DOUYIN_RECEIVER_UNKNOWN: { no: 28001013, tips: 'settle_params names an unknown merchant_uid' },
  PAYMENT_SPLIT_INVALID: { no: 28001013, tips: 'settle_params splits are invalid' },
  PAYMENT_SPLITS_EXCEED_REMAINDER: { no: 28001013, tips: 'settle_params splits exceed the settlement' },
  PAYMENT_AMOUNT_INVALID: { no: 28001005, tips: 'invalid amount' },
};

/** The legacy `subscribe_notification` numbers Douyin documents (1000, 1001, 1009, 1010, 2000). */
const notify: Record<string, DialectCode> = {
  DOUYIN_ACCESS_TOKEN_INVALID: { no: 1001, tips: 'access_token is invalid or expired, or not of app_id' },
  MESSAGES_TEMPLATE_NOT_FOUND: { no: 1001, tips: 'tpl_id is not a template of this app' },
  MESSAGES_DATA_INVALID: { no: 1001, tips: 'data does not fit the template keywords' },
  MESSAGES_PAGE_INVALID: { no: 1001, tips: 'page is not a page of the mini program' },
  LOGIN_UNKNOWN_OPENID: { no: 1001, tips: 'open_id is not a user of this app' },
  MESSAGES_CONSENT_REQUIRED: { no: 1001, tips: 'the user has not subscribed to this template' },
  MESSAGES_USER_MUTED: { no: 1001, tips: "the user turned this app's messages off" },
  MESSAGES_TEMPLATE_BANNED: { no: 1009, tips: 'this template was withdrawn' },
  MESSAGES_RATE_LIMITED: { no: 1010, tips: 'too frequent' },
  MESSAGES_USER_QUOTA_EXCEEDED: { no: 1010, tips: 'too frequent' },
  MESSAGES_APP_QUOTA_EXCEEDED: { no: 1010, tips: 'too frequent' },
};

/** `notify_user` (v2): Plaza's numbers in the open platform's range, where Douyin publishes none. */
const notifyV2: Record<string, DialectCode> = {
  DOUYIN_ACCESS_TOKEN_INVALID: { no: 28001003, tips: 'access-token is invalid or expired' },
  MESSAGES_TEMPLATE_NOT_FOUND: { no: 28001007, tips: 'tpl_id is not a template of this app' },
  LOGIN_UNKNOWN_OPENID: { no: 28001007, tips: 'open_id is not a user of this app' },
  MESSAGES_TEMPLATE_BANNED: { no: 28001007, tips: 'this template was withdrawn' },
  MESSAGES_DATA_INVALID: { no: 28001005, tips: 'data does not fit the template keywords' },
  MESSAGES_PAGE_INVALID: { no: 28001005, tips: 'page is not a page of the mini program' },
  MESSAGES_CONSENT_REQUIRED: { no: 28001011, tips: 'the user has not subscribed to this template' },
  MESSAGES_USER_MUTED: { no: 28001011, tips: "the user turned this app's messages off" },
  MESSAGES_RATE_LIMITED: { no: 28001014, tips: 'too frequent' },
  MESSAGES_USER_QUOTA_EXCEEDED: { no: 28001014, tips: 'too frequent' },
  MESSAGES_APP_QUOTA_EXCEEDED: { no: 28001014, tips: 'too frequent' },
};

const byFamily: Record<DouyinFamily, Record<string, DialectCode>> = {
  trade,
  notify,
  notify_v2: notifyV2,
  v2: login,
  legacy: login,
  oauth: {
    APP_INVALID_CREDENTIALS: { no: 10013, tips: 'client_key or client_secret is wrong' },
    APP_NOT_FOUND: { no: 10013, tips: 'client_key or client_secret is wrong' },
    APP_TAKEN_DOWN: { no: 10013, tips: 'client_key or client_secret is wrong' },
    APP_CREDENTIALS_THROTTLED: { no: 2100007, tips: 'too many failed attempts, try later' },
    DOUYIN_GRANT_TYPE_UNSUPPORTED: { no: 10020, tips: 'grant_type must be client_credential' },
  },
  ecpay: {
    APP_NOT_FOUND: { no: 2002, tips: 'app_id is not set up for payment' },
    APP_TAKEN_DOWN: { no: 2002, tips: 'app_id is not set up for payment' },
    DOUYIN_PAYMENT_NOT_SET_UP: { no: 2002, tips: 'app_id is not set up for payment' },
    DOUYIN_SIGN_INVALID: { no: 2008, tips: 'sign check failed' },
    DOUYIN_ORDER_NOT_FOUND: { no: 2009, tips: 'order not found' },
    PAYMENT_ORDER_NOT_FOUND: { no: 2009, tips: 'order not found' },
    DOUYIN_REFUND_NOT_FOUND: { no: 2010, tips: 'refund not found' },
    PAYMENT_REFUND_NOT_FOUND: { no: 2010, tips: 'refund not found' },
    DOUYIN_SETTLE_NOT_FOUND: { no: 2010, tips: 'settlement not found' },
    DOUYIN_ORDER_NOT_PAID: { no: 2011, tips: 'order is not paid' },
    PAYMENT_ORDER_NOT_PAID: { no: 2011, tips: 'order is not paid' },
    PAYMENT_ORDER_CLOSED: { no: 2011, tips: 'order is closed' },
    PAYMENT_ORDER_ALREADY_SETTLED: { no: 2011, tips: 'order is already settled' },
    PAYMENT_ORDER_FULLY_REFUNDED: { no: 2011, tips: 'order is fully refunded' },
    PAYMENT_REFUND_EXCEEDS_PAID: { no: 2011, tips: 'refund_amount is more than what is left' },
    DOUYIN_ORDER_EXISTS: { no: 2012, tips: 'out_order_no was used with other fields' },
    PAYMENT_OUT_REFUND_NO_EXISTS: { no: 2012, tips: 'out_refund_no was used for another refund' },
    DOUYIN_SETTLE_EXISTS: { no: 2012, tips: 'out_settle_no was used for another order' },
    DOUYIN_RECEIVER_UNKNOWN: { no: 2013, tips: 'settle_params names an unknown merchant_uid' },
    PAYMENT_SPLIT_INVALID: { no: 2013, tips: 'settle_params splits are invalid' },
    PAYMENT_SPLITS_EXCEED_REMAINDER: { no: 2013, tips: 'settle_params splits exceed the settlement' },
    PAYMENT_AMOUNT_INVALID: { no: 2001, tips: 'invalid amount' },
    PAYMENT_AMOUNT_TOO_LARGE: { no: 2001, tips: 'amount too large' },
  },
};

/** The Douyin number and tips for an error on a route of this family. */
export function douyinCodeOf(family: DouyinFamily, code: string, status: number): DialectCode {
  if (status >= 500) return internal[family];
  return byFamily[family][code] ?? badParams[family];
}

/** The success envelope of the v2 and ecpay routes. */
export function douyinOk<T extends object>(request: FastifyRequest, fields: T) {
  return { err_no: 0, err_tips: 'success', log_id: request.id, ...fields };
}

export function douyinErrorRenderer(family: DouyinFamily) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const plaza = toPlazaError(error);
    if (plaza.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: plaza.code, status: plaza.status }, 'request refused');
    const { no, tips } = douyinCodeOf(family, plaza.code, plaza.status);
    const status = plaza.status >= 500 ? 500 : 200;
    const body =
      family === 'legacy'
        ? { errcode: no, errmsg: tips, error: no === 40018 ? 3 : 1, message: tips, log_id: request.id }
        : family === 'oauth'
          ? { data: { description: tips, error_code: no }, message: 'error', extra: { logid: request.id } }
          : family === 'trade' || family === 'notify_v2'
            ? { err_no: no, err_msg: tips, log_id: request.id, data: null, plaza_code: plaza.code }
            : { err_no: no, err_tips: tips, log_id: request.id, plaza_code: plaza.code };
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}
