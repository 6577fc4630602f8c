import { z } from 'zod';
import { privacyScopes } from '../apps/index.ts';
import type { Authorization, ConsentSheet } from './consent.service.ts';

export const appidField = z.string().min(1).max(64);
export const scopeField = z.enum(privacyScopes);

const appCardJson = z.object({ appid: z.string(), name: z.string(), icon_url: z.string().nullable() });

export const sheetJson = z.object({
  app: appCardJson,
  scope: scopeField,
  reason: z.string(),
  granted: z.boolean(),
  decision: z.enum(['granted', 'denied']).nullable(),
  decided_at: z.number().nullable(),
});

export const authorizationJson = z.object({
  appid: z.string(),
  app_name: z.string(),
  app_icon_url: z.string().nullable(),
  scopes: z.array(
    z.object({ scope: scopeField, granted_at: z.number(), last_used_at: z.number().nullable() }),
  ),
});

function cardJson(app: ConsentSheet['app']): z.infer<typeof appCardJson> {
  return { appid: app.appid, name: app.name, icon_url: app.iconUrl };
}

export function toSheetJson(s: ConsentSheet): z.infer<typeof sheetJson> {
  return {
    app: cardJson(s.app),
    scope: s.scope,
    reason: s.reason,
    granted: s.granted,
    decision: s.decision,
    decided_at: s.decidedAt,
  };
}

export function toAuthorizationJson(a: Authorization): z.infer<typeof authorizationJson> {
  return {
    appid: a.app.appid,
    app_name: a.app.name,
    app_icon_url: a.app.iconUrl,
    scopes: a.scopes.map((s) => ({ scope: s.scope, granted_at: s.grantedAt, last_used_at: s.lastUsedAt })),
  };
}

/** The access of the routes only a signed-in end user calls. */
export const userOnly = { access: ['user'] } as const;
