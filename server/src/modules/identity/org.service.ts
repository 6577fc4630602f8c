import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { findAccountByEmail } from './account.repository.ts';
import { normalizeEmail } from './account.service.ts';
import { identityErrors } from './errors.ts';
import {
  type Org,
  type OrgInvitation,
  type OrgMember,
  type OrgMembership,
  toInvitation,
  toOrg,
} from './identity.model.ts';
import type { OrgRole } from './identity.table.ts';
import type { IdentityDeps } from './identity-context.ts';
import {
  countOwners,
  deleteInvitation,
  deleteMember,
  findInvitation,
  findMemberRole,
  findOrg,
  insertInvitation,
  insertMember,
  insertOrg,
  listInvitations,
  listMembers,
  listOrgsOfAccount,
  lockOrg,
  updateMemberRole,
} from './org.repository.ts';
import { roleAtLeast } from './roles.ts';

export type AddMemberResult =
  | { status: 'active'; member: OrgMember }
  | { status: 'invited'; invitation: OrgInvitation };

export interface OrgDetail extends OrgMembership {
  members: OrgMember[];
  invitations: OrgInvitation[];
}

export interface OrgService {
  requireOrgRole: (accountId: string, orgId: string, minimumRole: OrgRole) => Promise<OrgMembership>;
  createOrg(accountId: string, name: string): Promise<OrgMembership>;
  getOrg(orgId: string): Promise<Org | undefined>;
  getOrgRole(accountId: string, orgId: string): Promise<OrgRole | undefined>;
  listOrgsOf(accountId: string): Promise<OrgMembership[]>;
  getOrgDetail(accountId: string, orgId: string): Promise<OrgDetail>;
  /** Adds an existing account at once; an unknown email is invited and joins at sign-up. */
  addMember(actorId: string, orgId: string, emailInput: string, role: OrgRole): Promise<AddMemberResult>;
  changeRole(actorId: string, orgId: string, accountId: string, role: OrgRole): Promise<void>;
  /** Admins remove others; anyone may leave; the last owner may do neither. */
  removeMember(actorId: string, orgId: string, accountId: string): Promise<void>;
  cancelInvitation(actorId: string, orgId: string, emailInput: string): Promise<void>;
}

export function createOrgService({ db, clock }: IdentityDeps): OrgService {
  /**
   * The caller's membership, or an error: a non-member learns nothing (404, as if the
   * org did not exist); a member whose role is too low gets 403.
   */
  async function requireOrgRole(
    accountId: string,
    orgId: string,
    minimumRole: OrgRole,
    on: Db = db,
  ): Promise<OrgMembership> {
    const role = await findMemberRole(on, orgId, accountId);
    const org = role && (await findOrg(on, orgId));
    if (!role || !org) throw identityErrors.ORG_NOT_FOUND({ org_id: orgId });
    if (!roleAtLeast(role, minimumRole)) {
      throw identityErrors.ORG_ROLE_TOO_LOW({ role, required: minimumRole });
    }
    return { org: toOrg(org), role };
  }

  /** Runs a membership change with the org locked, after checking the actor's role in it. */
  async function changeMembers<T>(
    actorId: string,
    orgId: string,
    minimumRole: OrgRole,
    change: (trx: Db, actorRole: OrgRole, now: number) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      if (!(await lockOrg(trx, orgId, now))) throw identityErrors.ORG_NOT_FOUND({ org_id: orgId });
      const { role } = await requireOrgRole(actorId, orgId, minimumRole, trx);
      return change(trx, role, now);
    });
  }

  async function requireMemberRole(trx: Db, orgId: string, accountId: string): Promise<OrgRole> {
    const role = await findMemberRole(trx, orgId, accountId);
    if (!role) throw identityErrors.MEMBER_NOT_FOUND({ account_id: accountId });
    return role;
  }

  /** Taking the owner role away from the last owner would orphan the org. */
  async function keepAnOwner(trx: Db, orgId: string, from: OrgRole, to: OrgRole | undefined): Promise<void> {
    if (from === 'owner' && to !== 'owner' && (await countOwners(trx, orgId)) <= 1) {
      throw identityErrors.LAST_OWNER();
    }
  }

  return {
    requireOrgRole: (accountId: string, orgId: string, minimumRole: OrgRole) =>
      requireOrgRole(accountId, orgId, minimumRole),

    async createOrg(accountId: string, name: string): Promise<OrgMembership> {
      const now = clock.now();
      const row = {
        id: newId('org'),
        name: name.trim(),
        created_by: accountId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await insertOrg(trx, row);
        await insertMember(trx, {
          org_id: row.id,
          account_id: accountId,
          role: 'owner',
          created_at: now,
          updated_at: now,
        });
      });
      return { org: toOrg(row), role: 'owner' };
    },

    async getOrg(orgId: string): Promise<Org | undefined> {
      const row = await findOrg(db, orgId);
      return row && toOrg(row);
    },

    async getOrgRole(accountId: string, orgId: string): Promise<OrgRole | undefined> {
      return findMemberRole(db, orgId, accountId);
    },

    async listOrgsOf(accountId: string): Promise<OrgMembership[]> {
      const rows = await listOrgsOfAccount(db, accountId);
      return rows.map(({ role, ...org }) => ({ org: toOrg(org), role }));
    },

    async getOrgDetail(accountId: string, orgId: string): Promise<OrgDetail> {
      const membership = await requireOrgRole(accountId, orgId, 'viewer');
      const [members, invitations] = await Promise.all([listMembers(db, orgId), listInvitations(db, orgId)]);
      return {
        ...membership,
        members: members.map((m) => ({
          accountId: m.account_id,
          email: m.email,
          name: m.name,
          role: m.role,
          joinedAt: m.created_at,
        })),
        invitations: invitations.map(toInvitation),
      };
    },

    /** Adds an existing account at once; an unknown email is invited and joins at sign-up. */
    async addMember(
      actorId: string,
      orgId: string,
      emailInput: string,
      role: OrgRole,
    ): Promise<AddMemberResult> {
      const email = normalizeEmail(emailInput);
      return changeMembers(actorId, orgId, 'admin', async (trx, actorRole, now) => {
        if (role === 'owner' && actorRole !== 'owner') throw identityErrors.OWNER_REQUIRED();
        const account = await findAccountByEmail(trx, email);
        const taken = account
          ? await findMemberRole(trx, orgId, account.id)
          : await findInvitation(trx, orgId, email);
        if (taken) throw identityErrors.ALREADY_MEMBER({ email });
        if (!account) {
          const row = { org_id: orgId, email, role, invited_by: actorId, created_at: now };
          await insertInvitation(trx, row);
          return { status: 'invited' as const, invitation: toInvitation(row) };
        }
        await insertMember(trx, {
          org_id: orgId,
          account_id: account.id,
          role,
          created_at: now,
          updated_at: now,
        });
        return {
          status: 'active' as const,
          member: { accountId: account.id, email: account.email, name: account.name, role, joinedAt: now },
        };
      });
    },

    async changeRole(actorId: string, orgId: string, accountId: string, role: OrgRole): Promise<void> {
      await changeMembers(actorId, orgId, 'admin', async (trx, actorRole, now) => {
        const current = await requireMemberRole(trx, orgId, accountId);
        if ((current === 'owner' || role === 'owner') && actorRole !== 'owner')
          throw identityErrors.OWNER_REQUIRED();
        await keepAnOwner(trx, orgId, current, role);
        await updateMemberRole(trx, orgId, accountId, role, now);
      });
    },

    /** Admins remove others; anyone may leave; the last owner may do neither. */
    async removeMember(actorId: string, orgId: string, accountId: string): Promise<void> {
      const minimum: OrgRole = actorId === accountId ? 'viewer' : 'admin';
      await changeMembers(actorId, orgId, minimum, async (trx, actorRole) => {
        const current = await requireMemberRole(trx, orgId, accountId);
        if (current === 'owner' && actorRole !== 'owner') throw identityErrors.OWNER_REQUIRED();
        await keepAnOwner(trx, orgId, current, undefined);
        await deleteMember(trx, orgId, accountId);
      });
    },

    async cancelInvitation(actorId: string, orgId: string, emailInput: string): Promise<void> {
      await changeMembers(actorId, orgId, 'admin', async (trx) => {
        if (!(await deleteInvitation(trx, orgId, normalizeEmail(emailInput)))) {
          throw identityErrors.MEMBER_NOT_FOUND({ email: emailInput });
        }
      });
    },
  };
}
