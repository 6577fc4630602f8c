import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { deleteGrantsOfUser, listGrantsOfUser } from './grant.repository.ts';
import { deletePhoneCodesOfUser, listPhoneCodesOfUser } from './phone-code.repository.ts';

/** The user's consent decisions and phone-code history (never the codes), for data rights. */
export function consentPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'consent',
    async export(userId) {
      const [grants, codes] = await Promise.all([
        listGrantsOfUser(db, userId),
        listPhoneCodesOfUser(db, userId),
      ]);
      return {
        decisions: grants.map((g) => ({
          app_id: g.app_id,
          scope: g.scope,
          decision: g.decision,
          decided_at: Number(g.decided_at),
          last_used_at: g.last_used_at === null ? null : Number(g.last_used_at),
        })),
        phone_codes: codes.map((c) => ({
          app_id: c.app_id,
          issued_at: Number(c.created_at),
          expires_at: Number(c.expires_at),
          used_at: c.used_at === null ? null : Number(c.used_at),
          revoked_at: c.revoked_at === null ? null : Number(c.revoked_at),
        })),
      };
    },
    async erase(userId, trx) {
      await deleteGrantsOfUser(trx, userId);
      await deletePhoneCodesOfUser(trx, userId);
    },
    async appsUsed(userId) {
      const grants = await listGrantsOfUser(db, userId);
      return [...new Set(grants.filter((g) => g.decision === 'granted').map((g) => g.app_id))];
    },
  };
}
