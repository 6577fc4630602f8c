import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator } from '../../http/access.ts';
import {
  appCaller,
  appidParam,
  appJson,
  auditJson,
  categoryJson,
  createAppBody,
  orgParam,
  toAppJson,
  toAuditJson,
  updateAppBody,
} from './apps.schemas.ts';
import type { AppsService } from './apps.service.ts';
import { maxSecretGraceMs } from './credential.service.ts';
import { industryCategories } from './industry-categories.ts';

const console_ = { access: ['developer'] as const };
const consoleMutation = { access: ['developer'] as const, idempotent: true };
// Responses that carry a secret never opt into Idempotency-Key: a replay would need the
// response, secret included, stored in plain.
const secretIssuing = { access: ['developer'] as const };
const operator = { access: ['operator'] as const };

/** Apps in the developer console: create, read, edit, credentials, audit; operators take down. */
export interface AppsRouteOptions {
  apps: AppsService;
  /** Each industry's commission in basis points, from the category tree that holds them. */
  commissionRates: () => Promise<Map<string, number>>;
}

export async function appsRoutes(app: FastifyInstance, options: AppsRouteOptions): Promise<void> {
  const { apps } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/app-categories',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['apps'],
        summary: 'Industry categories: commission and allowed capabilities',
        response: {
          200: z.object({
            categories: z.array(categoryJson),
          }),
        },
      },
    },
    async () => {
      const rates = await options.commissionRates();
      return {
        categories: industryCategories.map((c) => ({
          id: c.id,
          name: c.name,
          commission_bps: rates.get(c.id) ?? 0,
          capabilities: [...c.capabilities],
        })),
      };
    },
  );

  r.post(
    '/api/orgs/:orgId/apps',
    {
      config: secretIssuing,
      schema: {
        tags: ['apps'],
        summary: 'Create an app (role ≥ developer); the secret is shown in this response only',
        params: orgParam,
        body: createAppBody,
        response: { 201: z.object({ app: appJson, secret: z.string(), webhook_secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await apps.create(appCaller(request), request.params.orgId, {
        name: b.name,
        category: b.category,
        iconUrl: b.icon_url ?? null,
        description: b.description ?? '',
        requestDomains: b.request_domains ?? [],
        webhookUrl: b.webhook_url ?? null,
        privacy: b.privacy ?? [],
      });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ app: toAppJson(created.app), secret: created.secret, webhook_secret: created.webhookSecret });
    },
  );

  r.get(
    '/api/orgs/:orgId/apps',
    {
      config: console_,
      schema: {
        tags: ['apps'],
        summary: "The org's apps (any member)",
        params: orgParam,
        response: { 200: z.object({ apps: z.array(appJson) }) },
      },
    },
    async (request) => ({
      apps: (await apps.listForOrg(appCaller(request), request.params.orgId)).map(toAppJson),
    }),
  );

  r.get(
    '/api/apps/:appid',
    {
      config: console_,
      schema: {
        tags: ['apps'],
        summary: 'One app (any member of its org)',
        params: appidParam,
        response: { 200: z.object({ app: appJson }) },
      },
    },
    async (request) => ({
      app: toAppJson(await apps.getForCaller(appCaller(request), request.params.appid)),
    }),
  );

  r.patch(
    '/api/apps/:appid',
    {
      config: consoleMutation,
      schema: {
        tags: ['apps'],
        summary: 'Edit the profile, domains, webhook URL or privacy declaration (role ≥ developer)',
        params: appidParam,
        body: updateAppBody,
        response: { 200: z.object({ app: appJson }) },
      },
    },
    async (request) => {
      const b = request.body;
      const patch = {
        ...(b.name === undefined ? {} : { name: b.name }),
        ...(b.icon_url === undefined ? {} : { iconUrl: b.icon_url }),
        ...(b.description === undefined ? {} : { description: b.description }),
        ...(b.category === undefined ? {} : { category: b.category }),
        ...(b.request_domains === undefined ? {} : { requestDomains: b.request_domains }),
        ...(b.webhook_url === undefined ? {} : { webhookUrl: b.webhook_url }),
        ...(b.privacy === undefined ? {} : { privacy: b.privacy }),
      };
      return { app: toAppJson(await apps.update(appCaller(request), request.params.appid, patch)) };
    },
  );

  r.post(
    '/api/apps/:appid/secret/rotate',
    {
      config: secretIssuing,
      schema: {
        tags: ['apps'],
        summary: 'Issue a new secret (role ≥ admin); the old one works for the grace period, then stops',
        params: appidParam,
        body: z.strictObject({
          grace_seconds: z
            .number()
            .int()
            .min(0)
            .max(maxSecretGraceMs / 1000),
        }),
        response: { 200: z.object({ secret: z.string(), previous_expires_at: z.number() }) },
      },
    },
    async (request, reply) => {
      const rotated = await apps.rotateSecret(
        appCaller(request),
        request.params.appid,
        request.body.grace_seconds * 1000,
      );
      return reply
        .header('cache-control', 'no-store')
        .send({ secret: rotated.secret, previous_expires_at: rotated.previousExpiresAt });
    },
  );

  r.get(
    '/api/apps/:appid/webhook-secret',
    {
      config: console_,
      schema: {
        tags: ['apps'],
        summary: 'The Standard Webhooks signing secret (role ≥ developer)',
        params: appidParam,
        response: { 200: z.object({ webhook_secret: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send({ webhook_secret: await apps.webhookSecret(appCaller(request), request.params.appid) }),
  );

  r.post(
    '/api/apps/:appid/webhook-secret/rotate',
    {
      config: secretIssuing,
      schema: {
        tags: ['apps'],
        summary: 'A new webhook signing secret (role ≥ admin); the previous one also signs for 24 hours',
        params: appidParam,
        response: { 200: z.object({ webhook_secret: z.string(), previous_signs_until: z.number() }) },
      },
    },
    async (request, reply) => {
      const rotated = await apps.rotateWebhookSecret(appCaller(request), request.params.appid);
      return reply
        .header('cache-control', 'no-store')
        .send({ webhook_secret: rotated.webhookSecret, previous_signs_until: rotated.previousUntil });
    },
  );

  r.get(
    '/api/apps/:appid/audit',
    {
      config: console_,
      schema: {
        tags: ['apps'],
        summary: "The app's audit log, newest first (any member)",
        params: appidParam,
        querystring: z.strictObject({
          before: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ entries: z.array(auditJson) }) },
      },
    },
    async (request) => ({
      entries: (await apps.audit(appCaller(request), request.params.appid, request.query)).map(toAuditJson),
    }),
  );

  r.post(
    '/api/apps/:appid/takedown',
    {
      config: { ...operator, idempotent: true },
      schema: {
        tags: ['apps'],
        summary: 'Take an app down (operators): tokens, logins and callbacks stop',
        params: appidParam,
        body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: z.object({ app: appJson }) },
      },
    },
    async (request) => ({
      app: toAppJson(
        await apps.takeDown(requireOperator(request).accountId, request.params.appid, request.body.reason),
      ),
    }),
  );

  r.post(
    '/api/apps/:appid/reinstate',
    {
      config: { ...operator, idempotent: true },
      schema: {
        tags: ['apps'],
        summary: 'Bring a taken-down app back (operators)',
        params: appidParam,
        response: { 200: z.object({ app: appJson }) },
      },
    },
    async (request) => ({
      app: toAppJson(await apps.reinstate(requireOperator(request).accountId, request.params.appid)),
    }),
  );
}
