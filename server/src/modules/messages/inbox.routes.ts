import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { acceptsEventStream, openEventStream } from '../../http/event-stream.ts';
import { messageErrors } from './errors.ts';
import {
  appCardJson,
  appidField,
  idField,
  kindField,
  messageJson,
  toMessageJson,
} from './messages.schemas.ts';
import type { MessagesService } from './messages.service.ts';

const user = { access: ['user'] } as const;

/** The user's service inbox, live feed, mutes and subscriptions. */
export async function inboxRoutes(
  app: FastifyInstance,
  options: { messages: MessagesService },
): Promise<void> {
  const { inbox, subscriptions } = options.messages;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/messages/threads',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: 'The service inbox: one thread per app with its latest message and unread count',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                app: appCardJson,
                unread: z.number(),
                total: z.number(),
                muted: z.boolean(),
                last: messageJson,
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const userId = requireUser(request).userId;
      const muted = new Set((await subscriptions.mutedApps(userId)).map((m) => m.appid));
      const threads = await inbox.threads(userId, muted);
      return reply.header('cache-control', 'no-store').send({
        items: threads.map((t) => ({
          app: { appid: t.app.appid, name: t.app.name, icon_url: t.app.iconUrl },
          unread: t.unread,
          total: t.total,
          muted: t.muted,
          last: toMessageJson(t.last),
        })),
      });
    },
  );

  r.get(
    '/api/me/messages/threads/:appid',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: "An app's messages, newest first",
        params: z.strictObject({ appid: appidField }),
        querystring: z.strictObject({
          before: idField.optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(messageJson) }) },
      },
    },
    async (request, reply) => {
      const items = await inbox.thread(requireUser(request).userId, request.params.appid, request.query);
      return reply.header('cache-control', 'no-store').send({ items: items.map(toMessageJson) });
    },
  );

  r.post(
    '/api/me/messages/threads/:appid/read',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: "The user read an app's thread: its unread count drops to zero",
        params: z.strictObject({ appid: appidField }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inbox.markRead(requireUser(request).userId, request.params.appid);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/me/messages/:message_id/open',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: "The user tapped a message: counts the open and answers with the app's page to open",
        params: z.strictObject({ message_id: idField }),
        response: { 200: messageJson },
      },
    },
    async (request) =>
      toMessageJson(await inbox.open(requireUser(request).userId, request.params.message_id)),
  );

  r.get(
    '/api/me/messages/stream',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary:
          'Server-sent events (Accept: text/event-stream): a `message` event for each message delivered to the user, from any server process',
      },
    },
    async (request, reply) => {
      const userId = requireUser(request).userId;
      // Only an event-stream client can use an endless response; anything else is told so.
      if (!acceptsEventStream(request)) throw messageErrors.EVENT_STREAM_ONLY();
      const stream = openEventStream(request, reply, () => stop());
      const stop = inbox.live(
        userId,
        (message) => stream.send('message', toMessageJson(message)),
        (error) => request.log.error({ err: error }, 'inbox feed could not read a delivered message'),
      );
    },
  );

  r.put(
    '/api/me/messages/mutes/:appid',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: "Mute or unmute an app's messages (while muted its sends are refused)",
        params: z.strictObject({ appid: appidField }),
        body: z.strictObject({ muted: z.boolean() }),
        response: { 200: z.object({ appid: z.string(), muted: z.boolean() }) },
      },
    },
    async (request) => {
      const { appid } = request.params;
      const result = await subscriptions.mute(requireUser(request).userId, appid, request.body.muted);
      return { appid, muted: result.muted };
    },
  );

  r.get(
    '/api/me/messages/subscriptions',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary:
          'The templates the user consented to: unused one-time sends, long-term consent, remembered choices',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                appid: z.string(),
                template_id: z.string(),
                title: z.string(),
                kind: kindField,
                credits: z.number(),
                long_term: z.boolean(),
                remembered: z.enum(['accept', 'reject']).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: (await subscriptions.subscriptions(requireUser(request).userId)).map((s) => ({
        appid: s.appid,
        template_id: s.templateId,
        title: s.title,
        kind: s.kind,
        credits: s.credits,
        long_term: s.longTerm,
        remembered: s.remembered,
      })),
    }),
  );

  r.delete(
    '/api/me/messages/subscriptions/:appid',
    {
      config: user,
      schema: {
        tags: ['messages'],
        summary: "Revoke long-term consent and remembered choices for an app's templates (one, or all)",
        params: z.strictObject({ appid: appidField }),
        querystring: z.strictObject({ template_id: idField.optional() }),
        response: { 200: z.object({ revoked: z.number() }) },
      },
    },
    async (request) =>
      subscriptions.revoke(requireUser(request).userId, request.params.appid, request.query.template_id),
  );
}
