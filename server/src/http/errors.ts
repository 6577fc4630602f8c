import { defineErrors } from '../errors/index.ts';

/** The errors of the HTTP layer itself. */
export const httpErrors = defineErrors('HTTP', {
  NOT_FOUND: { status: 404, message: 'No route matches this method and path' },
  VALIDATION: { status: 400, message: 'The request does not match the schema' },
  MALFORMED_JSON: { status: 400, message: 'The body is not valid JSON' },
  INVALID_UTF8: { status: 400, message: 'The body is not valid UTF-8' },
  BAD_REQUEST: { status: 400, message: 'The request cannot be processed' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are larger than allowed' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in or present a valid token' },
  INVALID_CREDENTIALS: { status: 401, message: 'The token or session is invalid or expired' },
  FORBIDDEN: { status: 403, message: 'You may not do this' },
  CSRF: { status: 403, message: 'Missing or wrong CSRF token' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The body is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested range is outside the content' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down' },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: 'This Idempotency-Key was used with a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: 'A request with this Idempotency-Key is still running' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, message: 'The server is shutting down or not ready' },
});
