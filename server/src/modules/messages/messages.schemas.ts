import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireApp, requireUser } from '../../http/access.ts';
import { keywordTypes } from './keyword-types.ts';
import type { AppTemplate, LibraryTemplate, Message, SubscribeSheet } from './messages.model.ts';

export const appidField = z.string().min(1).max(64);
export const idField = z.string().min(1).max(64);
export const kindField = z.enum(['one_time', 'long_term']);

export const libraryTemplateJson = z.object({
  id: z.string(),
  category: z.string(),
  title: z.string(),
  kind: kindField,
  keywords: z.array(z.object({ kid: z.number(), name: z.string(), type: z.enum(keywordTypes) })),
  status: z.enum(['active', 'banned']),
  created_at: z.number(),
});

export const appTemplateJson = z.object({
  template_id: z.string(),
  appid: z.string(),
  library_id: z.string(),
  title: z.string(),
  kind: kindField,
  keywords: z.array(z.object({ key: z.string(), name: z.string(), type: z.enum(keywordTypes) })),
  scene: z.string().nullable(),
  created_at: z.number(),
});

export const messageJson = z.object({
  message_id: z.string(),
  appid: z.string(),
  template_id: z.string(),
  title: z.string(),
  fields: z.array(z.object({ key: z.string(), name: z.string(), value: z.string() })),
  page: z.string().nullable(),
  status: z.enum(['sent', 'delivered']),
  sent_at: z.number(),
  delivered_at: z.number().nullable(),
  read_at: z.number().nullable(),
  opened_at: z.number().nullable(),
});

export const appCardJson = z.object({ appid: z.string(), name: z.string(), icon_url: z.string().nullable() });

export const sheetJson = z.object({
  app: appCardJson,
  kind: kindField,
  decided: z.boolean(),
  items: z.array(
    z.object({
      template: appTemplateJson,
      remembered: z.enum(['accept', 'reject']).nullable(),
      unavailable: z.enum(['ban', 'filter']).nullable(),
    }),
  ),
});

export function toLibraryTemplateJson(t: LibraryTemplate): z.infer<typeof libraryTemplateJson> {
  return {
    id: t.id,
    category: t.category,
    title: t.title,
    kind: t.kind,
    keywords: t.keywords,
    status: t.status,
    created_at: t.createdAt,
  };
}

export function toAppTemplateJson(t: AppTemplate): z.infer<typeof appTemplateJson> {
  return {
    template_id: t.id,
    appid: t.appid,
    library_id: t.libraryId,
    title: t.title,
    kind: t.kind,
    keywords: t.keywords,
    scene: t.scene,
    created_at: t.createdAt,
  };
}

export function toMessageJson(m: Message): z.infer<typeof messageJson> {
  return {
    message_id: m.id,
    appid: m.appid,
    template_id: m.templateId,
    title: m.title,
    fields: m.fields,
    page: m.page,
    status: m.status,
    sent_at: m.sentAt,
    delivered_at: m.deliveredAt,
    read_at: m.readAt,
    opened_at: m.openedAt,
  };
}

export function toSheetJson(s: SubscribeSheet): z.infer<typeof sheetJson> {
  return {
    app: { appid: s.app.appid, name: s.app.name, icon_url: s.app.iconUrl },
    kind: s.kind,
    decided: s.decided,
    items: s.items.map((i) => ({
      template: toAppTemplateJson(i.template),
      remembered: i.remembered,
      unavailable: i.unavailable,
    })),
  };
}

/** The end user of a route whose access admits only end users. */
export function signedInUser(request: FastifyRequest): string {
  return requireUser(request).userId;
}

/** The calling app's internal id, for routes only apps' servers call. */
export function callingApp(request: FastifyRequest): string {
  return requireApp(request).appId;
}
