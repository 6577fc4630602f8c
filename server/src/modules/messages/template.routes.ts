import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appCaller } from '../apps/index.ts';
import { messageErrors } from './errors.ts';
import { keywordTypes } from './keyword-types.ts';
import {
  appidField,
  appTemplateJson,
  idField,
  kindField,
  libraryTemplateJson,
  toAppTemplateJson,
  toLibraryTemplateJson,
} from './messages.schemas.ts';
import type { MessagesService } from './messages.service.ts';

const operator = { access: ['operator'] } as const;
const developer = { access: ['developer'] } as const;
const categoriesJson = z.object({ categories: z.array(z.string()) });
const templateFigures = z.object({
  template_id: z.string(),
  title: z.string(),
  sent: z.number(),
  delivered: z.number(),
  opened: z.number(),
  ordered: z.number(),
});

// The console reads these shapes from @plaza/api-types: the schemas must describe them exactly.
const pinned: [
  SameShape<z.infer<typeof appTemplateJson>, Console.AppMessageTemplate>,
  SameShape<z.infer<typeof templateFigures>, Console.MessageTemplateFigures>,
] = [true, true];
void pinned;

/** The operator's template library, and the templates an app selects from it. */
export async function templateRoutes(
  app: FastifyInstance,
  options: { messages: MessagesService },
): Promise<void> {
  const { templates } = options.messages;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/operator/message-templates',
    {
      config: operator,
      schema: {
        tags: ['messages'],
        summary: 'Add a subscription-message template to the library of an industry category',
        body: z.strictObject({
          category: z.string().min(1).max(64),
          title: z.string().trim().min(1).max(30),
          kind: kindField,
          keywords: z
            .array(z.strictObject({ name: z.string().trim().min(1).max(20), type: z.enum(keywordTypes) }))
            .min(1)
            .max(10),
        }),
        response: { 201: libraryTemplateJson },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toLibraryTemplateJson(await templates.createLibraryTemplate(request.body))),
  );

  r.put(
    '/api/operator/message-templates/:id/status',
    {
      config: operator,
      schema: {
        tags: ['messages'],
        summary: "Withdraw (ban) or restore a library template; apps' templates from it stop sending",
        params: z.strictObject({ id: idField }),
        body: z.strictObject({ status: z.enum(['active', 'banned']) }),
        response: { 200: libraryTemplateJson },
      },
    },
    async (request) =>
      toLibraryTemplateJson(
        await templates.setLibraryTemplateBanned(request.params.id, request.body.status === 'banned'),
      ),
  );

  r.get(
    '/api/operator/message-long-term-categories',
    {
      config: { access: ['operator', 'developer'] },
      schema: {
        tags: ['messages'],
        summary: 'The industry categories allowed long-term templates',
        response: { 200: categoriesJson },
      },
    },
    async () => ({ categories: await templates.longTermCategories() }),
  );

  r.put(
    '/api/operator/message-long-term-categories',
    {
      config: operator,
      schema: {
        tags: ['messages'],
        summary: 'Set the industry categories allowed long-term templates',
        body: z.strictObject({ categories: z.array(z.string().min(1).max(64)).max(100) }),
        response: { 200: categoriesJson },
      },
    },
    async (request) => ({ categories: await templates.setLongTermCategories(request.body.categories) }),
  );

  r.get(
    '/api/message-templates',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['messages'],
        summary: 'The template library, optionally of one industry category',
        querystring: z.strictObject({ category: z.string().min(1).max(64).optional() }),
        response: { 200: z.object({ items: z.array(libraryTemplateJson) }) },
      },
    },
    async (request) => ({
      items: (await templates.library(request.query.category)).map(toLibraryTemplateJson),
    }),
  );

  r.post(
    '/api/apps/:appid/message-templates',
    {
      config: developer,
      schema: {
        tags: ['messages'],
        summary:
          "Select a library template of the app's category and the keywords it uses; returns the template id",
        params: z.strictObject({ appid: appidField }),
        body: z.strictObject({
          library_id: idField,
          kid_list: z.array(z.number().int().min(1).max(100)).min(1).max(5),
          scene: z.string().trim().min(1).max(100).optional(),
        }),
        response: { 201: appTemplateJson },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const template = await templates.selectTemplate(appCaller(request), request.params.appid, {
        libraryId: b.library_id,
        kidList: b.kid_list,
        scene: b.scene,
      });
      return reply.code(201).send(toAppTemplateJson(template));
    },
  );

  r.get(
    '/api/apps/:appid/message-templates',
    {
      config: developer,
      schema: {
        tags: ['messages'],
        summary: "The app's subscription-message templates",
        params: z.strictObject({ appid: appidField }),
        response: { 200: z.object({ items: z.array(appTemplateJson) }) },
      },
    },
    async (request) => ({
      items: (await templates.appTemplates(appCaller(request), request.params.appid)).map(toAppTemplateJson),
    }),
  );

  const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  r.get(
    '/api/apps/:appid/funnel/messages',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['messages', 'funnel'],
        summary:
          "The loop's last steps per template: messages sent from `from` to `to` (UTC days, inclusive), delivered, opened, and followed by an order within a day",
        params: z.strictObject({ appid: appidField }),
        querystring: z.strictObject({ from: day, to: day }),
        response: {
          200: z.object({
            appid: z.string(),
            templates: z.array(templateFigures),
          }),
        },
      },
    },
    async (request) => {
      const { appid } = request.params;
      const from = Date.parse(`${request.query.from}T00:00:00Z`);
      const to = Date.parse(`${request.query.to}T00:00:00Z`) + 86_400_000;
      if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from > 366 * 86_400_000) {
        throw messageErrors.PERIOD_INVALID();
      }
      const rows = await options.messages.inbox.funnel(appCaller(request), appid, from, to);
      return {
        appid,
        templates: rows.map((r) => ({
          template_id: r.templateId,
          title: r.title,
          sent: r.sent,
          delivered: r.delivered,
          opened: r.opened,
          ordered: r.ordered,
        })),
      };
    },
  );

  r.delete(
    '/api/apps/:appid/message-templates/:template_id',
    {
      config: developer,
      schema: {
        tags: ['messages'],
        summary: "Remove one of the app's templates (sent messages keep rendering)",
        params: z.strictObject({ appid: appidField, template_id: idField }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await templates.removeTemplate(appCaller(request), request.params.appid, request.params.template_id);
      return reply.code(204).send(null);
    },
  );
}
