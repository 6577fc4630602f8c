import { defineErrors } from '../../errors/index.ts';

/** The login module's coded errors (documented in docs/errors.md). */
export const loginErrors = defineErrors('LOGIN', {
  CODE_REQUIRED: { status: 400, message: 'Send exactly one of code, js_code or anonymous_code' },
  CODE_INVALID: { status: 400, message: 'The login code is unknown or belongs to another app' },
  CODE_USED: { status: 400, message: 'The login code was already exchanged' },
  CODE_EXPIRED: { status: 400, message: 'The login code has expired; log in again' },
  UNKNOWN_OPENID: { status: 404, message: 'No user has this openid in this app' },
});
