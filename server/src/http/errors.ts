/**
 * Coded errors. Every module declares its catalogue with `defineErrors`; handlers and
 * services only throw, and the one error handler renders the envelope
 * `{"error":{"code","message","details?"}}` with the catalogued status.
 *
 * @example
 * export const paymentErrors = defineErrors('PAYMENT', {
 *   ORDER_NOT_FOUND: { status: 404, message: 'No such order' },
 * });
 * throw paymentErrors.ORDER_NOT_FOUND({ order_id });
 */
export class PlazaError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'PlazaError';
  }
}

export interface ErrorSpec {
  status: number;
  message: string;
}

export type ErrorFactory = ((details?: unknown, message?: string) => PlazaError) & {
  code: string;
  status: number;
  message: string;
};

/** Every code of every catalogue, for the test that pins codes to docs/errors.md. */
export const errorRegistry = new Map<string, ErrorSpec>();

export function defineErrors<const T extends Record<string, ErrorSpec>>(
  area: string,
  catalogue: T,
): { [K in keyof T]: ErrorFactory } {
  const out = {} as Record<string, ErrorFactory>;
  for (const [name, spec] of Object.entries(catalogue)) {
    const code = `${area}_${name}`;
    if (errorRegistry.has(code)) throw new Error(`Error code ${code} is defined twice`);
    errorRegistry.set(code, spec);
    const factory = ((details?: unknown, message?: string) =>
      new PlazaError(code, spec.status, message ?? spec.message, details)) as ErrorFactory;
    factory.code = code;
    factory.status = spec.status;
    factory.message = spec.message;
    out[name] = factory;
  }
  return out as { [K in keyof T]: ErrorFactory };
}

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
