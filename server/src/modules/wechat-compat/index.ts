/**
 * The WeChat dialect: WeChat's server routes (code2Session, access tokens, mini-program
 * codes) under `/compat/wechat`, on Plaza's own login and credentials, in WeChat's
 * `errcode`/`errmsg` envelope. It owns no tables.
 */
export { wechatErrors } from './errors.ts';
export { openAppLink } from './mini-program-code.ts';
export { wechatBasePath, wechatCompatPlugin } from './wechat-compat.plugin.ts';
