import type { Db } from '../db/database.ts';

/**
 * What one module holds about an end user, and how it lets go of it. Each module that
 * stores personal data implements this beside its own tables and is registered in the
 * composition root, so data rights never read another module's tables.
 *
 * @example
 * const contributor: PersonalDataContributor = {
 *   section: 'content',
 *   export: async (userId) => ({ likes: await listLikes(db, userId) }),
 *   erase: async (userId, trx) => { await deleteLikes(trx, userId); },
 * };
 */
export interface PersonalDataContributor {
  /** The key of this module's part of the export, e.g. `identity`. */
  readonly section: string;
  /**
   * Everything the module holds about the user, as plain JSON. Never secrets: no
   * password, token, code or session-key material, not even hashed.
   */
  export(userId: string): Promise<unknown>;
  /**
   * Erases the user's data, or pseudonymises what the law requires to keep (money),
   * inside the erasure's transaction. Must be safe to run again.
   */
  erase(userId: string, trx: Db): Promise<void>;
  /** The apps (internal `app_…` ids) this module knows the user used: they are told of the erasure. */
  appsUsed?(userId: string): Promise<string[]>;
}
