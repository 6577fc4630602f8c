import type { Selectable } from 'kysely';

/**
 * The record that a user's account was erased: the one fact kept about them, so a repeat
 * request is answered without erasing (and notifying apps) twice. The user id is a random
 * internal id that nothing else links to a person any more.
 */
export interface AccountErasureTable {
  user_id: string;
  erased_at: number;
  apps_notified: number;
}

export interface DataRightsTables {
  account_erasure: AccountErasureTable;
}

export type AccountErasureRow = Selectable<AccountErasureTable>;
