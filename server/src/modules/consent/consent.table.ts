import type { Selectable } from 'kysely';
import type { PrivacyScope } from '../apps/index.ts';

/**
 * A user's decision about one personal-data scope of one app. Only the latest decision
 * is kept; revoking removes the row, so an app the user never authorised and one whose
 * authorisation was withdrawn look the same: ask again.
 */
export interface ConsentGrantTable {
  app_id: string;
  user_id: string;
  scope: PrivacyScope;
  decision: 'granted' | 'denied';
  decided_at: number;
  /** When the app last received this piece of data, shown on the authorizations page. */
  last_used_at: number | null;
}

/**
 * A one-time code for the phone number, issued to the host after consent and exchanged
 * once by the app's server. Only the code's sha256 is kept.
 */
export interface PhoneCodeTable {
  id: string;
  code_hash: string;
  app_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** Set when the user withdrew consent before the code was used: it can no longer be. */
  revoked_at: number | null;
}

export interface ConsentTables {
  consent_grant: ConsentGrantTable;
  phone_code: PhoneCodeTable;
}

export type ConsentGrantRow = Selectable<ConsentGrantTable>;
export type PhoneCodeRow = Selectable<PhoneCodeTable>;
