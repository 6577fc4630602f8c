import { defineErrors } from '../../errors/index.ts';

/** The apps module's coded errors (documented in docs/errors.md). */
export const appErrors = defineErrors('APP', {
  NOT_FOUND: { status: 404, message: 'No such app' },
  INVALID_REQUEST_DOMAIN: {
    status: 400,
    message: 'A request domain must be an https origin with a domain name (no path, port 443 only implied)',
  },
  INVALID_URL: { status: 400, message: 'The URL must be an absolute http(s) URL without credentials' },
  WEBHOOK_TARGET_REFUSED: {
    status: 400,
    message:
      'Plaza does not send webhooks to this address (loopback, private, link-local, multicast or reserved)',
  },
  UNKNOWN_CATEGORY: { status: 400, message: 'No such industry category' },
  SCOPE_NOT_ALLOWED: { status: 400, message: 'The industry category does not allow this privacy scope' },
  DUPLICATE_SCOPE: { status: 400, message: 'A privacy scope is declared twice' },
  INVALID_CREDENTIALS: { status: 401, message: 'The appid or secret is wrong, or the secret has expired' },
  CREDENTIALS_THROTTLED: {
    status: 429,
    message: 'Too many wrong secrets for this appid from this address; try again later',
  },
  TAKEN_DOWN: { status: 403, message: 'This app has been taken down by the platform' },
  ALREADY_IN_STATUS: { status: 409, message: 'The app is already in this status' },
});
