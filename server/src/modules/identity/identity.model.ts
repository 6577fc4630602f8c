import type { AccountRow, EndUserRow, OrgInvitationRow, OrgRole, OrgRow } from './identity.table.ts';

/** What other modules see of identity: camelCase, no hashes. */
export interface Account {
  id: string;
  email: string;
  name: string;
  operator: boolean;
  createdAt: number;
}

export interface EndUser {
  id: string;
  phone: string;
  createdAt: number;
}

/** An org ("subject"): its `id` is stable forever and seeds the per-org unionid. */
export interface Org {
  id: string;
  name: string;
  createdBy: string;
  createdAt: number;
}

export interface OrgMembership {
  org: Org;
  role: OrgRole;
}

export interface OrgMember {
  accountId: string;
  email: string;
  name: string;
  role: OrgRole;
  joinedAt: number;
}

export interface OrgInvitation {
  email: string;
  role: OrgRole;
  invitedBy: string;
  createdAt: number;
}

/** A freshly started session: the token is shown to the caller once and never stored. */
export interface SessionGrant {
  sessionId: string;
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    operator: row.operator === 1,
    createdAt: row.created_at,
  };
}

export function toEndUser(row: EndUserRow): EndUser {
  return { id: row.id, phone: row.phone, createdAt: row.created_at };
}

export function toOrg(row: OrgRow): Org {
  return { id: row.id, name: row.name, createdBy: row.created_by, createdAt: row.created_at };
}

export function toInvitation(row: OrgInvitationRow): OrgInvitation {
  return { email: row.email, role: row.role, invitedBy: row.invited_by, createdAt: row.created_at };
}
