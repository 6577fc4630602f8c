import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccountPrincipal, requireAccount, requireUser } from '../../http/access.ts';
import type { ContentService } from './content.service.ts';
import { mountingModes } from './content.table.ts';
import type { OrgAccount } from './mounting.service.ts';

export interface MountingRouteOptions {
  content: ContentService;
  /** Throws unless the account may change this app (a developer of its org, or more). */
  authorizeAppEditor(account: AccountPrincipal, appid: string): Promise<void>;
  /** Throws unless the account may read this app's settings. */
  authorizeAppReader(account: AccountPrincipal, appid: string): Promise<void>;
  /** Throws unless the account may change this org's accounts (a developer of it, or more). */
  authorizeOrgEditor(account: AccountPrincipal, orgId: string): Promise<void>;
  /** Throws unless the account is a member of this org. */
  authorizeOrgReader(account: AccountPrincipal, orgId: string): Promise<void>;
}

const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });
const orgParam = z.strictObject({ orgId: z.string().min(1).max(64) });
const orgAccountParams = z.strictObject({
  orgId: z.string().min(1).max(64),
  creatorId: z.string().min(1).max(64),
});
const mountingJson = z.object({
  appid: z.string(),
  mode: z.enum(mountingModes),
  creators: z.array(z.string()),
});
const orgAccountJson = z.object({
  org_id: z.string(),
  creator_id: z.string(),
  named_at: z.number(),
  confirmed_at: z.number().nullable(),
});
const toOrgAccountJson = (orgId: string, a: OrgAccount) => ({
  org_id: orgId,
  creator_id: a.creatorId,
  named_at: a.namedAt,
  confirmed_at: a.confirmedAt,
});

/**
 * Who may mount the app on videos and in live rooms, as on Douyin: self-operated (the org's
 * own creator accounts), influencer (those and the creators it authorised) or UGC (any
 * creator); and which creator accounts are the org's own (named by the org, confirmed by
 * the creator).
 */
export async function mountingRoutes(app: FastifyInstance, options: MountingRouteOptions): Promise<void> {
  const { content } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/mounting',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['content'],
        summary:
          "Who may mount the app: its org's own accounts, also the creators it authorised, or any creator",
        params: appidParam,
        response: { 200: mountingJson },
      },
    },
    async (request) => {
      const { appid } = request.params;
      await options.authorizeAppReader(requireAccount(request), appid);
      return { appid, ...(await content.mounting(appid)) };
    },
  );

  r.put(
    '/api/apps/:appid/mounting',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['content'],
        summary:
          "Set who may mount the app: `self_operated` (the org's own creator accounts), `influencer` (those and the listed creators) or `ugc` (any creator)",
        params: appidParam,
        body: z.strictObject({
          mode: z.enum(mountingModes),
          creators: z.array(z.string().min(1).max(64)).max(500).default([]),
        }),
        response: { 200: mountingJson },
      },
    },
    async (request) => {
      const { appid } = request.params;
      await options.authorizeAppEditor(requireAccount(request), appid);
      return { appid, ...(await content.setMounting(appid, request.body)) };
    },
  );

  r.get(
    '/api/orgs/:orgId/creator-accounts',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['content'],
        summary: "The creator accounts the org named as its own; confirmed ones mount the org's apps",
        params: orgParam,
        response: { 200: z.object({ items: z.array(orgAccountJson) }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await options.authorizeOrgReader(requireAccount(request), orgId);
      return { items: (await content.orgAccounts(orgId)).map((a) => toOrgAccountJson(orgId, a)) };
    },
  );

  r.put(
    '/api/orgs/:orgId/creator-accounts/:creatorId',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['content'],
        summary:
          'Name a creator account as the org’s own (the merchant’s account); it counts once the creator confirms',
        params: orgAccountParams,
        response: { 200: orgAccountJson },
      },
    },
    async (request) => {
      const { orgId, creatorId } = request.params;
      await options.authorizeOrgEditor(requireAccount(request), orgId);
      return toOrgAccountJson(orgId, await content.nameOrgAccount(orgId, creatorId));
    },
  );

  r.delete(
    '/api/orgs/:orgId/creator-accounts/:creatorId',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['content'],
        summary: 'The creator account is no longer the org’s own (nothing to do when it was not)',
        params: orgAccountParams,
      },
    },
    async (request, reply) => {
      const { orgId, creatorId } = request.params;
      await options.authorizeOrgEditor(requireAccount(request), orgId);
      await content.removeOrgAccount(orgId, creatorId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/me/creator/orgs/:orgId/confirm',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['content'],
        summary: 'The signed-in creator confirms being an account of the org that named them',
        params: orgParam,
        response: { 200: orgAccountJson },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { userId } = requireUser(request);
      return toOrgAccountJson(orgId, await content.confirmOrgAccount(userId, orgId));
    },
  );
}
