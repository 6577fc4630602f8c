import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { phoneField, sessionFields, toSessionJson, toUserJson, userJson } from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';
import type { DevOtpSender } from './otp-sender.ts';
import { setSessionCookies } from './session-cookies.ts';
import { signOutRoute } from './sign-out.route.ts';

export interface EndUserRoutesOptions {
  identity: IdentityService;
  secureCookies: boolean;
  /** The development sender's inbox, served only in demo mode. */
  devInbox?: DevOtpSender;
}

/** Phone sign-in for the super app's users, and the demo-mode inbox of sent codes. */
export async function endUserRoutes(app: FastifyInstance, options: EndUserRoutesOptions): Promise<void> {
  const { identity, secureCookies, devInbox } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/users/otp',
    {
      config: { access: ['anonymous'], rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: 'Send a six-digit sign-in code to a phone number',
        body: z.strictObject({ phone: phoneField }),
        response: { 202: z.object({ phone: z.string(), expires_at: z.number(), resend_after: z.number() }) },
      },
    },
    async (request, reply) => {
      const { phone } = request.body;
      const sent = await identity.requestOtp(phone, request.ip);
      return reply.code(202).send({ phone, expires_at: sent.expiresAt, resend_after: sent.resendAfter });
    },
  );

  r.post(
    '/api/users/sessions',
    {
      config: { access: ['anonymous'], rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with the code; the first sign-in creates the user',
        body: z.strictObject({ phone: phoneField, code: z.string().regex(/^\d{6}$/, 'must be six digits') }),
        response: { 200: z.object({ ...sessionFields, user: userJson }) },
      },
    },
    async (request, reply) => {
      const { user, session } = await identity.signInWithOtp(request.body.phone, request.body.code);
      setSessionCookies(reply, 'user', session, secureCookies);
      return { ...toSessionJson(session), user: toUserJson(user) };
    },
  );

  signOutRoute(app, { path: '/api/users/sessions/current', kind: 'user', identity, secureCookies });

  r.get(
    '/api/me',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user',
        response: { 200: z.object({ user: userJson }) },
      },
    },
    async (request) => {
      const user = await identity.getUser(requireUser(request).userId);
      if (!user) throw new Error('signed-in user vanished');
      return { user: toUserJson(user) };
    },
  );

  if (devInbox) {
    r.get(
      '/api/dev/inbox',
      {
        config: { access: ['anonymous'] },
        schema: {
          tags: ['identity'],
          summary: 'Demo mode only: the sign-in codes the development sender "sent" to a phone, newest first',
          querystring: z.strictObject({ phone: phoneField }),
          response: {
            200: z.object({
              messages: z.array(
                z.object({
                  phone: z.string(),
                  code: z.string(),
                  sent_at: z.number(),
                  expires_at: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        messages: devInbox.inbox(request.query.phone).map((m) => ({
          phone: m.phone,
          code: m.code,
          sent_at: m.sentAt,
          expires_at: m.expiresAt,
        })),
      }),
    );
  }
}
