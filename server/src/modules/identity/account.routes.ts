import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../../http/access.ts';
import {
  accountJson,
  emailField,
  nameField,
  passwordField,
  sessionFields,
  toAccountJson,
  toSessionJson,
} from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';
import { setSessionCookies } from './session-cookies.ts';
import { signOutRoute } from './sign-out.route.ts';

export interface AccountRoutesOptions {
  identity: IdentityService;
  secureCookies: boolean;
}

// Per-IP limits; the per-email lockout lives in the service, in the database.
const perIp = (max: number) => ({ max, timeWindow: 60_000 });

/** Operator setup, developer sign-up, sign-in and sign-out. */
export async function accountRoutes(app: FastifyInstance, options: AccountRoutesOptions): Promise<void> {
  const { identity, secureCookies } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/setup/operator',
    {
      config: { access: ['anonymous'], rateLimit: perIp(10) },
      schema: {
        tags: ['identity'],
        summary: 'Create the first operator with the one-time setup token printed at first start',
        body: z.strictObject({
          token: z.string().min(1).max(200),
          email: emailField,
          name: nameField,
          password: passwordField,
        }),
        response: { 201: z.object({ account: accountJson }) },
      },
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      const account = await identity.completeOperatorSetup(token, input);
      return reply.code(201).send({ account: toAccountJson(account) });
    },
  );

  r.post(
    '/api/accounts',
    {
      config: { access: ['anonymous'], rateLimit: perIp(20) },
      schema: {
        tags: ['identity'],
        summary: 'Sign up as a developer',
        body: z.strictObject({ email: emailField, name: nameField, password: passwordField }),
        response: { 201: z.object({ account: accountJson }) },
      },
    },
    async (request, reply) => {
      const account = await identity.signUp(request.body);
      return reply.code(201).send({ account: toAccountJson(account) });
    },
  );

  r.post(
    '/api/sessions',
    {
      config: { access: ['anonymous'], rateLimit: perIp(20) },
      schema: {
        tags: ['identity'],
        summary: 'Sign in: sets the session cookies and returns a bearer token for CLI and API use',
        body: z.strictObject({ email: emailField, password: z.string().min(1).max(200) }),
        response: { 200: z.object({ ...sessionFields, account: accountJson }) },
      },
    },
    async (request, reply) => {
      const { account, session } = await identity.signIn(request.body.email, request.body.password);
      setSessionCookies(reply, 'account', session, secureCookies);
      return { ...toSessionJson(session), account: toAccountJson(account) };
    },
  );

  signOutRoute(app, { path: '/api/sessions/current', kind: 'account', identity, secureCookies });

  r.get(
    '/api/me/account',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['identity'],
        summary: 'The signed-in developer or operator account',
        response: { 200: z.object({ account: accountJson }) },
      },
    },
    async (request) => {
      const account = await identity.getAccount(requireAccount(request).accountId);
      // The session resolved a moment ago, so the account exists.
      if (!account) throw new Error('signed-in account vanished');
      return { account: toAccountJson(account) };
    },
  );
}
