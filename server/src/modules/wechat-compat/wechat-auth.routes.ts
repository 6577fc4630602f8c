import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import { wechatErrors } from './errors.ts';

const tags = ['wechat'];
const open = { access: ['anonymous'] as const };
const appid = z.string().min(1).max(64);
const secret = z.string().min(1).max(256);

/** WeChat's login and access-token routes, on Plaza's login and credentials. */
export async function wechatAuthRoutes(
  app: FastifyInstance,
  options: { login: Pick<LoginService, 'exchangeCode'>; apps: Pick<AppsService, 'issueClientToken'> },
): Promise<void> {
  const { login, apps } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/sns/jscode2session',
    {
      config: open,
      schema: {
        tags,
        summary: "WeChat's code2Session: wx.login's code for openid, unionid and session_key",
        querystring: z.object({
          appid,
          secret,
          js_code: z.string().min(1).max(256),
          grant_type: z.string().max(64).optional(),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (q.grant_type !== undefined && q.grant_type !== 'authorization_code')
        throw wechatErrors.GRANT_TYPE_UNSUPPORTED();
      const s = await login.exchangeCode({
        appid: q.appid,
        secret: q.secret,
        code: q.js_code,
        ip: request.ip,
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ openid: s.openid, session_key: s.sessionKey, unionid: s.unionid });
    },
  );

  const issue = async (x: { appid: string; secret: string; grant_type: string }, ip: string) => {
    if (x.grant_type !== 'client_credential') throw wechatErrors.GRANT_TYPE_UNSUPPORTED();
    const token = await apps.issueClientToken(x.appid, x.secret, ip);
    return { access_token: token.accessToken, expires_in: token.expiresIn };
  };

  r.get(
    '/cgi-bin/token',
    {
      config: open,
      schema: {
        tags,
        summary: "WeChat's getAccessToken: a 2-hour access_token for the app's server",
        querystring: z.object({ grant_type: z.string().max(64), appid, secret }),
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await issue(request.query, request.ip)),
  );

  r.post(
    '/cgi-bin/stable_token',
    {
      config: open,
      schema: {
        tags,
        summary:
          "WeChat's getStableAccessToken: a 2-hour access_token; earlier ones keep working until they expire",
        body: z.object({
          grant_type: z.string().max(64),
          appid,
          secret,
          force_refresh: z.boolean().optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await issue(request.body, request.ip)),
  );
}
