import { defineErrors } from '../../errors/index.ts';

/** The consent module's coded errors (documented in docs/errors.md). */
export const consentErrors = defineErrors('CONSENT', {
  SCOPE_NOT_DECLARED: {
    status: 403,
    message: 'The app did not declare this scope in its privacy declaration, so it may not ask for it',
  },
  REQUIRED: { status: 403, message: 'The user has not granted this scope to this app' },
  PHONE_CODE_INVALID: { status: 400, message: 'The phone code is unknown or belongs to another app' },
  PHONE_CODE_USED: { status: 400, message: 'The phone code was already exchanged' },
  PHONE_CODE_EXPIRED: { status: 400, message: 'The phone code has expired; ask the user again' },
  WITHDRAWN: {
    status: 403,
    message: 'The user withdrew consent to share this data with the app; the code no longer works',
  },
});
