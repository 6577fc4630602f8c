import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptsEventStream, openEventStream } from '../../http/event-stream.ts';
import { appCaller } from '../apps/index.ts';
import {
  agentConversationJson,
  appidField,
  idField,
  imageBytes,
  lineJson,
  orderCardJson,
  quickReplyJson,
  statusField,
  textBody,
  toAgentConversationJson,
  toLineJson,
  toQuickReplyJson,
} from './customer-service.schemas.ts';
import type { CustomerServiceService } from './customer-service.service.ts';
import { supportErrors } from './errors.ts';

const developer = { access: ['developer'] } as const;
const base = '/api/apps/:appid/support';
const appParams = z.strictObject({ appid: appidField });
const conversationParams = z.strictObject({ appid: appidField, conversation_id: idField });
const countJson = z.object({ count: z.number(), unread: z.number() });

/** The agent inbox: the members of an app's org answer its users together. */
export async function agentRoutes(
  app: FastifyInstance,
  options: { support: CustomerServiceService },
): Promise<void> {
  const { agents } = options.support;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer-service'];

  r.get(
    `${base}/conversations`,
    {
      config: developer,
      schema: {
        tags,
        summary:
          "The app's conversations (one status, or all), latest first, with counts and unread lines per status",
        params: appParams,
        querystring: z.strictObject({ status: statusField.optional() }),
        response: {
          200: z.object({
            counts: z.object({ open: countJson, waiting: countJson, closed: countJson }),
            items: z.array(agentConversationJson),
          }),
        },
      },
    },
    async (request, reply) => {
      const inbox = await agents.inbox(appCaller(request), request.params.appid, request.query.status);
      return reply
        .header('cache-control', 'no-store')
        .send({ counts: inbox.counts, items: inbox.items.map(toAgentConversationJson) });
    },
  );

  r.get(
    `${base}/conversations/:conversation_id`,
    {
      config: developer,
      schema: {
        tags,
        summary:
          "A conversation's latest lines and the user's orders with the app; its unread count drops to zero",
        params: conversationParams,
        response: {
          200: z.object({
            conversation: agentConversationJson,
            lines: z.array(lineJson),
            orders: z.array(orderCardJson),
          }),
        },
      },
    },
    async (request, reply) => {
      const { appid, conversation_id } = request.params;
      const got = await agents.conversation(appCaller(request), appid, conversation_id);
      return reply.header('cache-control', 'no-store').send({
        conversation: toAgentConversationJson(got.conversation),
        lines: got.lines.map(toLineJson),
        orders: got.orders.map((o) => ({
          order_id: o.orderId,
          out_order_no: o.outOrderNo,
          subject: o.subject,
          total_amount: o.totalAmount,
          currency: o.currency,
          status: o.status,
          created_at: o.createdAt,
        })),
      });
    },
  );

  r.post(
    `${base}/conversations/:conversation_id/messages`,
    {
      config: developer,
      schema: {
        tags,
        summary:
          "Answer in the agent's name, within the reply window (48 h after the user's line, 5 answers)",
        params: conversationParams,
        body: textBody,
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const { appid, conversation_id } = request.params;
      const sent = await agents.reply(appCaller(request), appid, conversation_id, {
        text: request.body.text,
      });
      return reply.code(201).send(toLineJson(sent));
    },
  );

  r.post(
    `${base}/conversations/:conversation_id/images`,
    {
      config: developer,
      schema: {
        tags,
        summary: "Answer with an image (raw bytes, checked like the user's), within the reply window",
        params: conversationParams,
        consumes: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
        response: { 201: lineJson },
      },
    },
    async (request, reply) => {
      const { appid, conversation_id } = request.params;
      const sent = await agents.reply(appCaller(request), appid, conversation_id, {
        image: imageBytes(request.body),
      });
      return reply.code(201).send(toLineJson(sent));
    },
  );

  r.put(
    `${base}/conversations/:conversation_id/status`,
    {
      config: developer,
      schema: {
        tags,
        summary: 'Close a conversation, or open it again',
        params: conversationParams,
        body: z.strictObject({ status: statusField }),
        response: { 200: agentConversationJson },
      },
    },
    async (request) => {
      const { appid, conversation_id } = request.params;
      return toAgentConversationJson(
        await agents.setStatus(appCaller(request), appid, conversation_id, request.body.status),
      );
    },
  );

  r.get(
    `${base}/quick-replies`,
    {
      config: developer,
      schema: {
        tags,
        summary: "The app's quick replies, shared by its agents",
        params: appParams,
        response: { 200: z.object({ items: z.array(quickReplyJson) }) },
      },
    },
    async (request) => ({
      items: (await agents.quickReplies(appCaller(request), request.params.appid)).map(toQuickReplyJson),
    }),
  );

  r.post(
    `${base}/quick-replies`,
    {
      config: developer,
      schema: {
        tags,
        summary: 'Add a quick reply (at most 50 per app)',
        params: appParams,
        body: textBody,
        response: { 201: quickReplyJson },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toQuickReplyJson(
            await agents.addQuickReply(appCaller(request), request.params.appid, request.body.text),
          ),
        ),
  );

  r.delete(
    `${base}/quick-replies/:id`,
    {
      config: developer,
      schema: {
        tags,
        summary: 'Remove a quick reply',
        params: z.strictObject({ appid: appidField, id: idField }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await agents.removeQuickReply(appCaller(request), request.params.appid, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    `${base}/stream`,
    {
      config: developer,
      schema: {
        tags,
        summary:
          "Server-sent events (Accept: text/event-stream): a `line` event for each line of the app's chats, from any server process",
        params: appParams,
      },
    },
    async (request, reply) => {
      // Authorised first: a stranger is refused as such, whatever they accept.
      let stream: ReturnType<typeof openEventStream> | undefined;
      const stop = await agents.live(
        appCaller(request),
        request.params.appid,
        (line) => stream?.send('line', toLineJson(line)),
        (error) => request.log.error({ err: error }, 'support feed could not read a line'),
      );
      if (!acceptsEventStream(request)) {
        stop();
        throw supportErrors.EVENT_STREAM_ONLY();
      }
      stream = openEventStream(request, reply, stop);
    },
  );
}
