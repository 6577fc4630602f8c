import type { Db } from '../../db/database.ts';
import type { AppsService } from '../apps/index.ts';
import type { PersonalDataContributor } from '../data-rights/index.ts';

/**
 * What login holds about an end user: the apps they logged in to with the openid and
 * unionid each knows them by, and when codes were issued — never the codes' hashes or
 * session keys. Erasing forgets the mapping, so an old openid resolves to no one.
 */
export function loginPersonalData(db: Db, apps: Pick<AppsService, 'get'>): PersonalDataContributor {
  async function appUsers(userId: string) {
    return db
      .selectFrom('app_user')
      .select(['app_id', 'openid', 'unionid', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  return {
    section: 'login',
    async export(userId) {
      const used = await appUsers(userId);
      const codes = await db
        .selectFrom('login_code')
        .select(['app_id', 'created_at', 'used_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      const appids = new Map<string, string | null>();
      for (const id of new Set([...used, ...codes].map((r) => r.app_id))) {
        appids.set(id, (await apps.get(id))?.appid ?? null);
      }
      return {
        apps: used.map((u) => ({
          appid: appids.get(u.app_id) ?? null,
          openid: u.openid,
          unionid: u.unionid,
          first_seen_at: Number(u.created_at),
        })),
        login_codes: codes.map((c) => ({
          appid: appids.get(c.app_id) ?? null,
          issued_at: Number(c.created_at),
          used_at: c.used_at === null ? null : Number(c.used_at),
        })),
      };
    },
    async erase(userId, trx) {
      await trx.deleteFrom('app_user_session').where('user_id', '=', userId).execute();
      await trx.deleteFrom('login_code').where('user_id', '=', userId).execute();
      await trx.deleteFrom('app_user').where('user_id', '=', userId).execute();
    },
    async appsUsed(userId) {
      return (await appUsers(userId)).map((u) => u.app_id);
    },
  };
}
