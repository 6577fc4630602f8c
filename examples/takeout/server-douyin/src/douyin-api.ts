import { createHash } from 'node:crypto';

/*
 * The Douyin server API as a Douyin merchant calls it: plain HTTP with JSON, the ecpay
 * request `sign` and the callback `msg_signature` computed as Douyin's signature demos do.
 * Nothing here knows it talks to Plaza: only the base URL says where Douyin is.
 */

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** ecpay's request sign: MD5 of the sorted values (app_id, thirdparty_id, other_settle_params, sign left out) and the SALT. */
export function ecpaySign(params: Record<string, unknown>, salt: string): string {
  const values: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (['other_settle_params', 'app_id', 'thirdparty_id', 'sign'].includes(key)) continue;
    let value = (typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : String(raw ?? '')).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).trim();
    if (value === '' || value === 'null') continue;
    values.push(value);
  }
  values.push(salt);
  return createHash('md5').update(values.sort(byBytes).join('&')).digest('hex');
}

/** A callback's msg_signature: SHA-1 of the sorted token, timestamp, nonce and msg. */
export function callbackSignature(token: string, timestamp: string, nonce: string, msg: string): string {
  return createHash('sha1').update([token, timestamp, nonce, msg].sort(byBytes).join('')).digest('hex');
}

export class DouyinError extends Error {
  constructor(
    readonly errNo: number,
    tips: string,
  ) {
    super(`Douyin err_no ${errNo}: ${tips}`);
  }
}

export interface DouyinConfig {
  /** https://developer.toutiao.com on Douyin; Plaza's `/compat/douyin` base URL here. */
  baseUrl: string;
  appid: string;
  secret: string;
  salt: string;
}

export function douyinApi(config: DouyinConfig) {
  async function post<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${config.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as T & { err_no: number; err_tips: string };
    if (json.err_no !== 0) throw new DouyinError(json.err_no, json.err_tips);
    return json;
  }
  const signed = (fields: Record<string, unknown>) => {
    const body = { app_id: config.appid, ...fields };
    return { ...body, sign: ecpaySign(body, config.salt) };
  };

  return {
    async code2session(code: string) {
      const res = await post<{ data: { openid: string; unionid: string; session_key: string } }>(
        '/api/apps/v2/jscode2session',
        { appid: config.appid, secret: config.secret, code, anonymous_code: '' },
      );
      return res.data;
    },
    async createOrder(order: {
      outOrderNo: string;
      totalAmount: number;
      subject: string;
      body: string;
      cpExtra: string;
    }) {
      const res = await post<{ data: { order_id: string; order_token: string } }>(
        '/api/apps/ecpay/v1/create_order',
        signed({
          out_order_no: order.outOrderNo,
          total_amount: order.totalAmount,
          subject: order.subject,
          body: order.body,
          valid_time: 900,
          cp_extra: order.cpExtra,
          disable_msg: 1,
        }),
      );
      return res.data;
    },
    async settle(outOrderNo: string, outSettleNo: string) {
      return post<{ settle_no: string }>(
        '/api/apps/ecpay/v1/settle',
        signed({ out_settle_no: outSettleNo, out_order_no: outOrderNo, settle_desc: 'Delivered' }),
      );
    },
    async queryOrder(outOrderNo: string) {
      return post<{ payment_info: { order_status: string } }>(
        '/api/apps/ecpay/v1/query_order',
        signed({ out_order_no: outOrderNo }),
      );
    },
  };
}
