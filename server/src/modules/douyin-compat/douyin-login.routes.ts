import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PlazaError } from '../../errors/index.ts';
import type { AppsService } from '../apps/index.ts';
import { type AppSession, type LoginService, loginErrors } from '../login/index.ts';
import { douyinErrorRenderer, douyinOk } from './douyin-envelope.ts';
import { douyinErrors } from './errors.ts';

const tags = ['douyin'];
const open = { access: ['anonymous'] as const };
// Douyin's own clients send empty strings for what they leave out.
const optionalCode = z.string().max(256).optional();
const appid = z.string().min(1).max(64);
const secret = z.string().min(1).max(256);

interface Exchange {
  appid: string;
  secret: string;
  code?: string | undefined;
  anonymousCode?: string | undefined;
  ip: string;
}

/**
 * code2session as Douyin answers it. Plaza's `tt.login` gives one code per login; an
 * `anonymous_code` alone is exchanged like a code and answers `anonymous_openid`.
 */
async function douyinSession(login: Pick<LoginService, 'exchangeCode'>, x: Exchange) {
  const code = x.code || undefined;
  const anonymous = x.anonymousCode || undefined;
  if (code !== undefined) {
    const s: AppSession = await login.exchangeCode({ appid: x.appid, secret: x.secret, code, ip: x.ip });
    return { session_key: s.sessionKey, openid: s.openid, anonymous_openid: '', unionid: s.unionid };
  }
  if (anonymous === undefined) throw douyinErrors.PARAMS_INVALID({ field: 'code' });
  try {
    const s = await login.exchangeCode({ appid: x.appid, secret: x.secret, code: anonymous, ip: x.ip });
    return { session_key: '', openid: '', anonymous_openid: s.openid, unionid: '' };
  } catch (error) {
    const codeErrors = [loginErrors.CODE_INVALID, loginErrors.CODE_USED, loginErrors.CODE_EXPIRED];
    if (error instanceof PlazaError && codeErrors.some((e) => e.code === error.code))
      throw douyinErrors.ANONYMOUS_CODE_INVALID();
    throw error;
  }
}

/** Douyin's login and token routes, each in its own family's envelope. */
export async function douyinLoginRoutes(
  app: FastifyInstance,
  options: { login: Pick<LoginService, 'exchangeCode'>; apps: Pick<AppsService, 'issueClientToken'> },
): Promise<void> {
  const { login, apps } = options;

  await app.register(async (v2) => {
    v2.setErrorHandler(douyinErrorRenderer('v2'));
    const r = v2.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/apps/v2/jscode2session',
      {
        config: open,
        schema: {
          tags,
          summary: "Douyin's code2session: a code (or anonymous_code) for openid, unionid and session_key",
          body: z.object({ appid, secret, code: optionalCode, anonymous_code: optionalCode }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const data = await douyinSession(login, {
          appid: b.appid,
          secret: b.secret,
          code: b.code,
          anonymousCode: b.anonymous_code,
          ip: request.ip,
        });
        return reply.header('cache-control', 'no-store').send(douyinOk(request, { data }));
      },
    );
    r.post(
      '/api/apps/v2/token',
      {
        config: open,
        schema: {
          tags,
          summary: "Douyin's getAccessToken: a client token (2 hours) for the app's server",
          body: z.object({ appid, secret, grant_type: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.grant_type !== 'client_credential') throw douyinErrors.GRANT_TYPE_UNSUPPORTED();
        const token = await apps.issueClientToken(b.appid, b.secret, request.ip);
        return reply
          .header('cache-control', 'no-store')
          .send(
            douyinOk(request, { data: { access_token: token.accessToken, expires_in: token.expiresIn } }),
          );
      },
    );
  });

  await app.register(async (legacy) => {
    legacy.setErrorHandler(douyinErrorRenderer('legacy'));
    legacy.withTypeProvider<ZodTypeProvider>().get(
      '/api/apps/jscode2session',
      {
        config: open,
        schema: {
          tags,
          summary: "Douyin's first code2session (GET), in its first envelope",
          querystring: z.object({ appid, secret, code: optionalCode, anonymous_code: optionalCode }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const data = await douyinSession(login, {
          appid: q.appid,
          secret: q.secret,
          code: q.code,
          anonymousCode: q.anonymous_code,
          ip: request.ip,
        });
        return reply.header('cache-control', 'no-store').send({ error: 0, ...data });
      },
    );
  });

  await app.register(async (oauth) => {
    oauth.setErrorHandler(douyinErrorRenderer('oauth'));
    oauth.withTypeProvider<ZodTypeProvider>().post(
      '/oauth/client_token/',
      {
        config: open,
        schema: {
          tags,
          summary:
            "Douyin Open Platform's client_token: the token the trade system's access-token header carries",
          body: z.object({ client_key: appid, client_secret: secret, grant_type: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.grant_type !== 'client_credential') throw douyinErrors.GRANT_TYPE_UNSUPPORTED();
        const token = await apps.issueClientToken(b.client_key, b.client_secret, request.ip);
        return reply.header('cache-control', 'no-store').send({
          data: {
            access_token: token.accessToken,
            description: '',
            error_code: 0,
            expires_in: token.expiresIn,
          },
          message: 'success',
        });
      },
    );
  });
}
