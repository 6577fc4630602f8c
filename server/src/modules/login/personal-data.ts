import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import type { AppsService } from '../apps/index.ts';
import { appUsersOf, deleteLoginsOf, loginCodesOf } from './login.repository.ts';

/**
 * What login holds about an end user: the apps they logged in to with the openid and
 * unionid each knows them by, and when codes were issued — never the codes' hashes or
 * session keys. Erasing forgets the mapping, so an old openid resolves to no one.
 */
export function loginPersonalData(db: Db, apps: Pick<AppsService, 'get'>): PersonalDataContributor {
  return {
    section: 'login',
    async export(userId) {
      const used = await appUsersOf(db, userId);
      const codes = await loginCodesOf(db, userId);
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
      await deleteLoginsOf(trx, userId);
    },
    async appsUsed(userId) {
      return (await appUsersOf(db, userId)).map((u) => u.app_id);
    },
  };
}
