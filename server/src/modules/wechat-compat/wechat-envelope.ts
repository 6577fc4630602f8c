import type { FastifyReply, FastifyRequest } from 'fastify';
import { toPlazaError } from '../../http/error-handler.ts';

/**
 * The one place the WeChat dialect's errors become responses: HTTP 200 with WeChat's
 * `errcode` and an `errmsg` ending in `rid` (the request id), as WeChat's server answers.
 */
const codes: Record<string, { errcode: number; errmsg: string }> = {
  APP_INVALID_CREDENTIALS: { errcode: 40125, errmsg: 'invalid appsecret' },
  APP_NOT_FOUND: { errcode: 40013, errmsg: 'invalid appid' },
  APP_TAKEN_DOWN: { errcode: 40013, errmsg: 'invalid appid' },
  APP_CREDENTIALS_THROTTLED: { errcode: 45011, errmsg: 'api minute-quota reach limit' },
  LOGIN_CODE_INVALID: { errcode: 40029, errmsg: 'invalid code' },
  LOGIN_CODE_EXPIRED: { errcode: 40029, errmsg: 'invalid code' },
  LOGIN_CODE_USED: { errcode: 40163, errmsg: 'code been used' },
  WECHAT_GRANT_TYPE_UNSUPPORTED: { errcode: 40002, errmsg: 'invalid grant_type' },
  WECHAT_ACCESS_TOKEN_MISSING: { errcode: 41001, errmsg: 'access_token missing' },
  WECHAT_ACCESS_TOKEN_INVALID: {
    errcode: 40001,
    errmsg: 'invalid credential, access_token is invalid or not latest',
  },
  WECHAT_PAGE_INVALID: { errcode: 41030, errmsg: 'invalid page' },
  WECHAT_SCENE_INVALID: { errcode: 40097, errmsg: 'invalid args' },
  HTTP_MALFORMED_JSON: { errcode: 47001, errmsg: 'data format error' },
  // subscribeMessage.send, with the numbers WeChat documents for it.
  LOGIN_UNKNOWN_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
  MESSAGES_TEMPLATE_NOT_FOUND: { errcode: 40037, errmsg: 'invalid template_id' },
  MESSAGES_TEMPLATE_BANNED: { errcode: 40037, errmsg: 'invalid template_id' },
  MESSAGES_DATA_INVALID: { errcode: 47003, errmsg: 'argument invalid! data.value invalid' },
  MESSAGES_PAGE_INVALID: { errcode: 41030, errmsg: 'invalid page' },
  MESSAGES_CONSENT_REQUIRED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
  MESSAGES_USER_MUTED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
  MESSAGES_RATE_LIMITED: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  MESSAGES_USER_QUOTA_EXCEEDED: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  MESSAGES_APP_QUOTA_EXCEEDED: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
};

/** Which missing field WeChat names, for a schema refusal. */
const missing: Record<string, { errcode: number; errmsg: string }> = {
  appid: { errcode: 41002, errmsg: 'appid missing' },
  secret: { errcode: 41004, errmsg: 'appsecret missing' },
  js_code: { errcode: 41008, errmsg: 'missing code' },
  grant_type: { errcode: 40002, errmsg: 'invalid grant_type' },
  touser: { errcode: 40003, errmsg: 'invalid openid' },
  template_id: { errcode: 40037, errmsg: 'invalid template_id' },
  data: { errcode: 47003, errmsg: 'argument invalid! data.value invalid' },
};

export function wechatCodeOf(
  code: string,
  status: number,
  details: unknown,
): { errcode: number; errmsg: string } {
  if (status >= 500) return { errcode: -1, errmsg: 'system error' };
  const known = codes[code];
  if (known) return known;
  if (code === 'HTTP_VALIDATION' && Array.isArray(details)) {
    for (const issue of details as Array<{ path?: string }>) {
      const field = issue.path?.replace(/^\//, '').split('/')[0] ?? '';
      const named = missing[field];
      if (named) return named;
    }
  }
  return { errcode: 40097, errmsg: 'invalid args' };
}

export function wechatErrorRenderer(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const plaza = toPlazaError(error);
  if (plaza.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: plaza.code, status: plaza.status }, 'request refused');
  const { errcode, errmsg } = wechatCodeOf(plaza.code, plaza.status, plaza.details);
  return reply
    .code(plaza.status >= 500 ? 500 : 200)
    .type('application/json; charset=utf-8')
    .send({ errcode, errmsg: `${errmsg} rid: ${request.id}` });
}
