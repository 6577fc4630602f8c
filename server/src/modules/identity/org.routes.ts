import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../../http/access.ts';
import type { OrgInvitation, OrgMember, OrgMembership } from './identity.model.ts';
import { emailField, idParam, nameField, roleField } from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';

const orgJson = z.object({ id: z.string(), name: z.string(), role: roleField, created_at: z.number() });
const sameOrg: SameShape<z.infer<typeof orgJson>, Console.ConsoleOrg> = true;
void sameOrg;
const memberJson = z.object({
  account_id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleField,
  joined_at: z.number(),
});
const invitationJson = z.object({
  email: z.string(),
  role: roleField,
  invited_by: z.string(),
  created_at: z.number(),
});
const sameMembers: [
  SameShape<z.infer<typeof memberJson>, Console.OrgMember>,
  SameShape<z.infer<typeof invitationJson>, Console.OrgInvitation>,
] = [true, true];
void sameMembers;
const orgParams = z.strictObject({ orgId: idParam });
const memberParams = z.strictObject({ orgId: idParam, accountId: idParam });

function toOrgJson({ org, role }: OrgMembership): z.infer<typeof orgJson> {
  return { id: org.id, name: org.name, role, created_at: org.createdAt };
}

function toMemberJson(m: OrgMember): z.infer<typeof memberJson> {
  return { account_id: m.accountId, email: m.email, name: m.name, role: m.role, joined_at: m.joinedAt };
}

function toInvitationJson(i: OrgInvitation): z.infer<typeof invitationJson> {
  return { email: i.email, role: i.role, invited_by: i.invitedBy, created_at: i.createdAt };
}

const developer = { access: ['developer'] as const };

/** Orgs and their members: any member reads, admins manage, only owners touch ownership. */
export async function orgRoutes(app: FastifyInstance, options: { identity: IdentityService }): Promise<void> {
  const { identity } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/orgs',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: 'Create an org; you become its owner',
        body: z.strictObject({ name: nameField }),
        response: { 201: z.object({ org: orgJson }) },
      },
    },
    async (request, reply) => {
      const membership = await identity.createOrg(requireAccount(request).accountId, request.body.name);
      return reply.code(201).send({ org: toOrgJson(membership) });
    },
  );

  r.get(
    '/api/orgs',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: 'The orgs you belong to',
        response: { 200: z.object({ orgs: z.array(orgJson) }) },
      },
    },
    async (request) => ({
      orgs: (await identity.listOrgsOf(requireAccount(request).accountId)).map(toOrgJson),
    }),
  );

  r.get(
    '/api/orgs/:orgId',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: 'An org you belong to, with its members and pending invitations',
        params: orgParams,
        response: {
          200: z.object({ org: orgJson, members: z.array(memberJson), invitations: z.array(invitationJson) }),
        },
      },
    },
    async (request) => {
      const detail = await identity.getOrgDetail(requireAccount(request).accountId, request.params.orgId);
      return {
        org: toOrgJson(detail),
        members: detail.members.map(toMemberJson),
        invitations: detail.invitations.map(toInvitationJson),
      };
    },
  );

  r.post(
    '/api/orgs/:orgId/members',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary:
          'Add a member by email (admins); an email without an account is invited and joins at sign-up',
        params: orgParams,
        body: z.strictObject({ email: emailField, role: roleField }),
        response: {
          201: z.object({
            status: z.enum(['active', 'invited']),
            member: memberJson.optional(),
            invitation: invitationJson.optional(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { email, role } = request.body;
      const result = await identity.addMember(
        requireAccount(request).accountId,
        request.params.orgId,
        email,
        role,
      );
      return reply
        .code(201)
        .send(
          result.status === 'active'
            ? { status: result.status, member: toMemberJson(result.member) }
            : { status: result.status, invitation: toInvitationJson(result.invitation) },
        );
    },
  );

  r.patch(
    '/api/orgs/:orgId/members/:accountId',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: "Change a member's role (admins; owners for anything touching the owner role)",
        params: memberParams,
        body: z.strictObject({ role: roleField }),
        response: { 200: z.object({ account_id: z.string(), role: roleField }) },
      },
    },
    async (request) => {
      const { orgId, accountId } = request.params;
      await identity.changeRole(requireAccount(request).accountId, orgId, accountId, request.body.role);
      return { account_id: accountId, role: request.body.role };
    },
  );

  r.delete(
    '/api/orgs/:orgId/members/:accountId',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: 'Remove a member (admins), or leave the org yourself',
        params: memberParams,
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = request.params;
      await identity.removeMember(requireAccount(request).accountId, orgId, accountId);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/orgs/:orgId/invitations/:email',
    {
      config: developer,
      schema: {
        tags: ['orgs'],
        summary: 'Withdraw a pending invitation (admins)',
        params: z.strictObject({ orgId: idParam, email: emailField }),
      },
    },
    async (request, reply) => {
      const { orgId, email } = request.params;
      await identity.cancelInvitation(requireAccount(request).accountId, orgId, email);
      return reply.code(204).send();
    },
  );
}
