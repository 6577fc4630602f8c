import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { PlazaError } from '../errors/index.ts';
import { httpErrors } from './errors.ts';

/** Fastify's own error codes, mapped to ours so every failure speaks the envelope. */
const fastifyCodes: Record<string, () => PlazaError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => httpErrors.PAYLOAD_TOO_LARGE(),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => httpErrors.UNSUPPORTED_MEDIA_TYPE(),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    httpErrors.BAD_REQUEST(undefined, 'Content-Length does not match the body'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => httpErrors.MALFORMED_JSON(undefined, 'The JSON body is empty'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => httpErrors.MALFORMED_JSON(),
  FST_ERR_CTP_EMPTY_TYPE: () => httpErrors.UNSUPPORTED_MEDIA_TYPE(undefined, 'Content-Type is empty'),
  FST_ERR_CTP_INVALID_TYPE: () => httpErrors.UNSUPPORTED_MEDIA_TYPE(),
  FST_ERR_BAD_URL: () => httpErrors.BAD_REQUEST(undefined, 'The URL is malformed'),
  FST_ERR_MAX_PARAM_LENGTH: () => httpErrors.BAD_REQUEST(undefined, 'A path segment is longer than allowed'),
  FST_ERR_ASYNC_CONSTRAINT: () => httpErrors.BAD_REQUEST(),
  FST_ERR_RESPONSE_SERIALIZATION: () => httpErrors.INTERNAL(),
};

export function toPlazaError(error: unknown): PlazaError {
  if (error instanceof PlazaError) return error;
  const e = error as Partial<FastifyError> & { statusCode?: number; name?: string };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext;
    return httpErrors.VALIDATION(
      error.validation.map((v) => ({
        in: where,
        path: v.instancePath || '/',
        message: v.message,
      })),
    );
  }
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.name === 'SyntaxError' && e.statusCode === 400)) {
    return httpErrors.MALFORMED_JSON();
  }
  const mapped = e.code ? fastifyCodes[e.code] : undefined;
  if (mapped) return mapped();
  if (e.statusCode === 429) return httpErrors.RATE_LIMITED();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return httpErrors.BAD_REQUEST(undefined, e.message);
  }
  return httpErrors.INTERNAL();
}

/** The one place errors become responses. A 5xx never shows its stack, SQL or message. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(renderError);
  app.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({
      error: {
        code: httpErrors.NOT_FOUND.code,
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

/**
 * Renders any error as the envelope. Also Fastify's `frameworkErrors`: the router's
 * refusals of undecodable URLs and overlong path segments come before any route.
 */
export function renderError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const plaza = toPlazaError(error);
  if (plaza.status >= 500) {
    const level = isResponseSerializationError(error as Error) ? 'error' : 'error';
    request.log[level]({ err: error }, 'request failed');
  } else {
    request.log.info({ code: plaza.code, status: plaza.status }, 'request refused');
  }
  if (plaza.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  return reply
    .code(plaza.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: plaza.code,
        message: plaza.message,
        ...(plaza.details === undefined ? {} : { details: plaza.details }),
      },
    });
}
