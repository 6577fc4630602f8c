import { defineErrors } from '../../errors/index.ts';

/** The identity module's coded errors (documented in docs/errors.md). */
export const identityErrors = defineErrors('IDENTITY', {
  SETUP_TOKEN_INVALID: { status: 403, message: 'The setup token is unknown, already used or expired' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists' },
  INVALID_LOGIN: { status: 401, message: 'Wrong email or password' },
  LOGIN_LOCKED: { status: 429, message: 'Too many failed sign-ins for this email; try again later' },
  ORG_NOT_FOUND: { status: 404, message: 'No such org' },
  ORG_ROLE_TOO_LOW: { status: 403, message: 'Your role in this org does not allow this' },
  OWNER_REQUIRED: { status: 403, message: 'Only an owner may grant, change or remove the owner role' },
  MEMBER_NOT_FOUND: { status: 404, message: 'No such member in this org' },
  ALREADY_MEMBER: { status: 409, message: 'This person is already a member or invited' },
  LAST_OWNER: { status: 409, message: 'An org must keep at least one owner' },
  OTP_TOO_SOON: { status: 429, message: 'A code was sent a moment ago; wait before asking again' },
  OTP_LIMIT: { status: 429, message: 'Too many codes for this phone number; try again later' },
  OTP_INVALID: { status: 401, message: 'The code is wrong or was already used' },
  OTP_EXPIRED: { status: 401, message: 'The code has expired; ask for a new one' },
  OTP_TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many wrong codes; ask for a new one' },
});
