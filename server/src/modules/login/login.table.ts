import type { Selectable } from 'kysely';

/**
 * Secrets the platform generates once and every server instance shares (the first
 * instance to start writes them; the rest read). Base64 of 32 random bytes.
 */
export interface PlatformKeyTable {
  name: string;
  secret: string;
  created_at: number;
}

/** A one-time login code for one app and one user; only its sha256 is kept. */
export interface LoginCodeTable {
  id: string;
  code_hash: string;
  app_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Which user an openid stands for in an app: the reverse of the pairwise derivation. */
export interface AppUserTable {
  app_id: string;
  user_id: string;
  openid: string;
  unionid: string;
  created_at: number;
}

/** The latest session key of a user in an app, encrypted (AES-256-GCM) with a platform key. */
export interface AppUserSessionTable {
  app_id: string;
  user_id: string;
  session_key: string;
  created_at: number;
}

export interface LoginTables {
  platform_key: PlatformKeyTable;
  login_code: LoginCodeTable;
  app_user: AppUserTable;
  app_user_session: AppUserSessionTable;
}

export type LoginCodeRow = Selectable<LoginCodeTable>;
export type AppUserRow = Selectable<AppUserTable>;
