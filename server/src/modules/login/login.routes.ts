import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { oneTimeCodeJson, sendOneTimeCode } from '../../http/one-time-code.ts';
import { appCredentialFields } from '../apps/index.ts';
import { loginErrors } from './errors.ts';
import { type LoginService, loginCodeLifetimeMs } from './login.service.ts';

const codeField = z.string().min(1).max(128);

/** One-tap login: the super app gets a code for its user; the merchant's server exchanges it. */
export async function loginRoutes(app: FastifyInstance, options: { login: LoginService }): Promise<void> {
  const { login } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/runtime/apps/:appid/login',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['login'],
        summary: 'A one-time login code (5 minutes) for the signed-in user and this app',
        params: z.strictObject({ appid: z.string().min(1).max(64) }),
        response: { 200: oneTimeCodeJson },
      },
    },
    async (request, reply) => {
      const issued = await login.issueCode(requireUser(request).userId, request.params.appid);
      return sendOneTimeCode(reply, issued.code, loginCodeLifetimeMs);
    },
  );

  r.post(
    '/api/apps/jscode2session',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['login'],
        summary:
          "code2session: the merchant's server exchanges a login code for openid, unionid and session_key",
        // `js_code` is WeChat's name and `anonymous_code` Douyin's; each is the same one-time code here.
        body: z.strictObject({
          ...appCredentialFields,
          code: codeField.optional(),
          js_code: codeField.optional(),
          anonymous_code: codeField.optional(),
          grant_type: z.literal('authorization_code').optional(),
        }),
        response: { 200: z.object({ openid: z.string(), unionid: z.string(), session_key: z.string() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const codes = [b.code, b.js_code, b.anonymous_code].filter((c) => c !== undefined);
      const code = codes[0];
      if (codes.length !== 1 || code === undefined) throw loginErrors.CODE_REQUIRED();
      const session = await login.exchangeCode({ appid: b.appid, secret: b.secret, code, ip: request.ip });
      return reply
        .header('cache-control', 'no-store')
        .send({ openid: session.openid, unionid: session.unionid, session_key: session.sessionKey });
    },
  );
}
