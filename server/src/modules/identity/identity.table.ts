import type { Insertable, Selectable } from 'kysely';

/** Roles inside an org, from most to least powerful (see `roles.ts`). */
export type OrgRole = 'owner' | 'admin' | 'developer' | 'viewer';
export type SessionKind = 'account' | 'user';

/** A developer's (or operator's) console account. Emails are stored lowercased. */
export interface AccountTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  /** 1 for a platform operator, 0 otherwise. */
  operator: number;
  created_at: number;
  updated_at: number;
}

/** A signed-in session of an account or an end user; only the token's sha256 is kept. */
export interface AuthSessionTable {
  id: string;
  kind: SessionKind;
  subject_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** The one-time link that creates the first operator. */
export interface SetupTokenTable {
  id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Failed sign-ins per email, so guessing passwords locks the email out for a while. */
export interface LoginThrottleTable {
  email: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export interface OrgTable {
  id: string;
  name: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface OrgMemberTable {
  org_id: string;
  account_id: string;
  role: OrgRole;
  created_at: number;
  updated_at: number;
}

/** An invitation for an email that has no account yet; it becomes a membership at sign-up. */
export interface OrgInvitationTable {
  org_id: string;
  email: string;
  role: OrgRole;
  invited_by: string;
  created_at: number;
}

/** A person using the super app, known by phone number (E.164). */
export interface EndUserTable {
  id: string;
  phone: string;
  created_at: number;
  last_sign_in_at: number;
}

/** A one-time sign-in code sent to a phone; only its salted hash is kept. */
export interface PhoneOtpTable {
  id: string;
  phone: string;
  code_hash: string;
  ip: string;
  created_at: number;
  expires_at: number;
  attempts: number;
  consumed_at: number | null;
}

export interface IdentityTables {
  account: AccountTable;
  auth_session: AuthSessionTable;
  setup_token: SetupTokenTable;
  login_throttle: LoginThrottleTable;
  org: OrgTable;
  org_member: OrgMemberTable;
  org_invitation: OrgInvitationTable;
  end_user: EndUserTable;
  phone_otp: PhoneOtpTable;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccountRow = Insertable<AccountTable>;
export type AuthSessionRow = Selectable<AuthSessionTable>;
export type OrgRow = Selectable<OrgTable>;
export type OrgMemberRow = Selectable<OrgMemberTable>;
export type OrgInvitationRow = Selectable<OrgInvitationTable>;
export type EndUserRow = Selectable<EndUserTable>;
export type PhoneOtpRow = Selectable<PhoneOtpTable>;
