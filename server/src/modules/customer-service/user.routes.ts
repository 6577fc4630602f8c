import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { acceptsEventStream, openEventStream } from '../../http/event-stream.ts';
import { reportReasons } from './chat.service.ts';
import {
  appidField,
  conversationJson,
  idField,
  imageBytes,
  lineJson,
  textBody,
  toConversationJson,
  toLineJson,
} from './customer-service.schemas.ts';
import type { CustomerServiceService } from './customer-service.service.ts';
import { supportErrors } from './errors.ts';

const user = { access: ['user'] } as const;
const chat = (suffix = '') => `/api/me/support/conversations/:appid${suffix}`;
const params = z.strictObject({ appid: appidField });

/** The user's chats with merchants, in the super app. */
export async function userRoutes(
  app: FastifyInstance,
  options: { support: CustomerServiceService },
): Promise<void> {
  const { chat: chats } = options.support;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer-service'];

  r.get(
    '/api/me/support/conversations',
    {
      config: user,
      schema: {
        tags,
        summary: "The user's chats with merchants, latest first, with unread counts",
        response: { 200: z.object({ items: z.array(conversationJson) }) },
      },
    },
    async (request, reply) => {
      const items = await chats.conversations(requireUser(request).userId);
      return reply.header('cache-control', 'no-store').send({ items: items.map(toConversationJson) });
    },
  );

  r.post(
    chat('/open'),
    {
      config: user,
      schema: {
        tags,
        summary:
          'Open the chat with an app (contact button, openCustomerServiceChat): the page or order it was opened from becomes a card',
        params,
        body: z.strictObject({
          path: z.string().max(1024).optional(),
          title: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ conversation: conversationJson, card: lineJson.nullable() }) },
      },
    },
    async (request) => {
      const { path, title } = request.body;
      const source = path ? { path, title: title ?? '' } : undefined;
      const opened = await chats.open(requireUser(request).userId, request.params.appid, source);
      return {
        conversation: toConversationJson(opened.conversation),
        card: opened.card ? toLineJson(opened.card) : null,
      };
    },
  );

  r.get(
    chat('/messages'),
    {
      config: user,
      schema: {
        tags,
        summary: "The chat's lines, newest first",
        params,
        querystring: z.strictObject({
          before: idField.optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(lineJson) }) },
      },
    },
    async (request, reply) => {
      const items = await chats.lines(requireUser(request).userId, request.params.appid, request.query);
      return reply.header('cache-control', 'no-store').send({ items: items.map(toLineJson) });
    },
  );

  r.post(
    chat('/messages'),
    {
      config: user,
      schema: {
        tags,
        summary: 'Write a line of text to the merchant (it reaches their server by signed webhook)',
        params,
        body: textBody,
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const sent = await chats.send(requireUser(request).userId, request.params.appid, {
        text: request.body.text,
      });
      return reply.code(201).send(toLineJson(sent));
    },
  );

  r.post(
    chat('/images'),
    {
      config: user,
      schema: {
        tags,
        summary: 'Send an image (the raw bytes; JPEG, PNG or WebP by their magic numbers, at most 2 MB)',
        params,
        consumes: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const sent = await chats.send(requireUser(request).userId, request.params.appid, {
        image: imageBytes(request.body),
      });
      return reply.code(201).send(toLineJson(sent));
    },
  );

  r.post(
    chat('/read'),
    {
      config: user,
      schema: { tags, summary: "The user read the merchant's lines", params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await chats.markRead(requireUser(request).userId, request.params.appid);
      return reply.code(204).send(null);
    },
  );

  r.post(
    chat('/reports'),
    {
      config: user,
      schema: {
        tags,
        summary: 'Report the chat to the operator',
        params,
        body: z.strictObject({ reason: z.enum(reportReasons), note: z.string().max(500).optional() }),
        response: { 201: z.object({ report_id: z.string() }) },
      },
    },
    async (request, reply) => {
      const { id } = await chats.report(requireUser(request).userId, request.params.appid, request.body);
      return reply.code(201).send({ report_id: id });
    },
  );

  r.put(
    chat('/block'),
    {
      config: user,
      schema: {
        tags,
        summary: "Block or unblock the merchant's lines in the chat",
        params,
        body: z.strictObject({ blocked: z.boolean() }),
        response: { 200: conversationJson },
      },
    },
    async (request) =>
      toConversationJson(
        await chats.block(requireUser(request).userId, request.params.appid, request.body.blocked),
      ),
  );

  r.get(
    '/api/me/support/stream',
    {
      config: user,
      schema: {
        tags,
        summary:
          "Server-sent events (Accept: text/event-stream): a `line` event for each line of the user's chats, from any server process",
      },
    },
    async (request, reply) => {
      const { userId } = requireUser(request);
      if (!acceptsEventStream(request)) throw supportErrors.EVENT_STREAM_ONLY();
      const stream = openEventStream(request, reply, () => stop());
      const stop = chats.live(
        userId,
        (line) => stream.send('line', toLineJson(line)),
        (error) => request.log.error({ err: error }, 'support feed could not read a line'),
      );
    },
  );
}
