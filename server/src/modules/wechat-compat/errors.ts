import { defineErrors } from '../../errors/index.ts';

/**
 * The WeChat dialect's own refusals (documented in docs/errors.md), rendered with the
 * errors they pass on in WeChat's `errcode`/`errmsg` envelope (`wechat-envelope.ts`).
 */
export const wechatErrors = defineErrors('WECHAT', {
  GRANT_TYPE_UNSUPPORTED: { status: 400, message: 'grant_type must be client_credential' },
  ACCESS_TOKEN_MISSING: { status: 401, message: 'access_token is missing' },
  ACCESS_TOKEN_INVALID: { status: 401, message: 'access_token is invalid or expired' },
  PAGE_INVALID: { status: 400, message: 'The page or path is not a page path of a mini program' },
  SCENE_INVALID: {
    status: 400,
    message: 'scene is empty, longer than 32 characters, or has characters WeChat refuses',
  },
});
