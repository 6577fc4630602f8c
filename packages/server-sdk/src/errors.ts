/**
 * An error the Plaza API answered, with the platform's stable `code`
 * (see docs/errors.md), the HTTP status and the request id to quote to support.
 */
export class PlazaApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PlazaApiError';
  }
}

/** The webhook's signature, timestamp or body is not what Plaza sent. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
