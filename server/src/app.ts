import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Clock } from './db/clock.ts';
import type { Db } from './db/database.ts';
import { type Authenticator, installAccessControl } from './http/access.ts';
import { answerClientError } from './http/client-errors.ts';
import { installErrorHandler, renderError } from './http/error-handler.ts';
import { httpErrors } from './http/errors.ts';
import { installJsonBodyParser } from './http/json-body.ts';
import { installNulRefusal } from './http/nul-characters.ts';
import { installOpenApi } from './http/openapi.ts';
import { installIdempotency } from './idempotency/index.ts';
import type { Logger } from './logging/logger.ts';

export interface AppOptions {
  logger: Logger;
  bodyLimit: number;
  /** A request still arriving after this long is cut off (Node answers 408), so slow clients cannot hold connections. */
  requestTimeoutMs?: number;
  publicUrl: string;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs or `loopback`,
   * comma separated): behind nginx every request comes from the proxy, and per-IP limits
   * must see the client instead. Unset: the connection's address is the client.
   */
  trustProxy?: string;
  authenticators: readonly Authenticator[];
  /** Where `Idempotency-Key` responses are kept; without it the header is ignored. */
  idempotency?: { db: Db; clock: Clock };
  /** Registers the capability modules' plugins, in the encapsulated context. */
  modules: (app: FastifyInstance) => Promise<void>;
}

export type PlazaApp = FastifyInstance;

const requestIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The HTTP server: infrastructure (errors, access, JSON, OpenAPI, rate limits) applied
 * to every route, then each capability's plugin.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? 300_000;
  // Typed as the plain instance: routes opt into zod with `withTypeProvider` in their own plugin.
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    // Fastify turns Node's request timeout off by default: a body that never finishes would hold its connection forever.
    requestTimeout,
    http: {
      // Node applies the smaller of the two to the whole request, and the larger once headers are in.
      headersTimeout: Math.min(60_000, requestTimeout),
      // How often Node looks for expired requests (30 s by default, longer than a short timeout).
      connectionsCheckingInterval: Math.min(30_000, requestTimeout),
    },
    // A caller's own request id is kept when it is sane, so logs join across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // The router refuses undecodable URLs and overlong segments before any route: in the envelope too.
    frameworkErrors: renderError,
    clientErrorHandler: answerClientError,
  }) as unknown as FastifyInstance;

  // A client may half-close once its request is sent (ffmpeg's HLS push does): Node would
  // abort a request still being handled then; the answer goes out before the socket ends.
  // (Node's own switch for this, present on every http.Server, but missing from its types.)
  (app.server as typeof app.server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);
  installNulRefusal(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installAccessControl(app, options.authenticators, ['/docs']);
  if (options.idempotency) installIdempotency(app, options.idempotency.db, options.idempotency.clock);
  // Cookies are parsed where a session is looked for (identity's requestCookies), not on every request.
  await app.register(cookie, { hook: false });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      httpErrors.RATE_LIMITED({ retry_after_seconds: Math.ceil(context.ttl / 1000) }),
  });
  await installOpenApi(app, options.publicUrl);
  await options.modules(app);
  return app;
}
