/**
 * Coded errors, below every module and the HTTP layer alike: services throw them and
 * decide about another module's error by its `code`. Every module declares its catalogue
 * with `defineErrors`; the one error handler in `http/` renders the envelope
 * `{"error":{"code","message","details?"}}` with the catalogued status (`status` is
 * what that rendering uses; no service reads it).
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
