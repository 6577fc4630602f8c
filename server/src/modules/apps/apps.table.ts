import type { Selectable } from 'kysely';

export type AppStatus = 'active' | 'taken_down';

/** One mini program. `appid` is its public name; `id` is what other modules store. */
export interface AppTable {
  id: string;
  appid: string;
  org_id: string;
  name: string;
  icon_url: string | null;
  description: string;
  category: string;
  /** JSON array of https origins the mini program may call. */
  request_domains: string;
  webhook_url: string | null;
  /** JSON array of `{ scope, reason }`. */
  privacy: string;
  status: AppStatus;
  takedown_reason: string | null;
  /**
   * The Standard Webhooks signing secret (`whsec_…`). Kept readable because signing needs
   * it; the previous one keeps signing beside the new one until `previous_webhook_secret_until`.
   */
  webhook_secret: string;
  previous_webhook_secret: string | null;
  previous_webhook_secret_until: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** An app secret; only its sha256 is kept. `expires_at` is null while it is the current one. */
export interface AppSecretTable {
  id: string;
  app_id: string;
  secret_hash: string;
  created_at: number;
  expires_at: number | null;
}

/** A client token (`pzt_…`) for an app's server; only its sha256 is kept. */
export interface AppClientTokenTable {
  id: string;
  app_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
}

/** Who changed what on an app, and when; before/after never hold secrets. */
export interface AppAuditTable {
  id: string;
  app_id: string;
  actor_kind: 'account' | 'operator' | 'system';
  actor_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
  created_at: number;
}

/** Failed appid+secret checks per appid and IP, so guessing secrets is throttled across instances. */
export interface AppCredentialThrottleTable {
  scope: string;
  failures: number;
  window_started_at: number;
}

export interface AppTables {
  app: AppTable;
  app_secret: AppSecretTable;
  app_client_token: AppClientTokenTable;
  app_audit: AppAuditTable;
  app_credential_throttle: AppCredentialThrottleTable;
}

export type AppRow = Selectable<AppTable>;
export type AppSecretRow = Selectable<AppSecretTable>;
export type AppClientTokenRow = Selectable<AppClientTokenTable>;
export type AppAuditRow = Selectable<AppAuditTable>;
