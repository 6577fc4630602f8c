import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { deleteUser, findUserById, otpsSentTo } from './end-user.repository.ts';
import { revokeUserSessions, userSessionsOf } from './session.repository.ts';

/**
 * What identity holds about an end user: the account (phone), sessions and sign-in codes
 * sent — never token, CSRF or code hashes. Erasing revokes every session at once (the
 * one making the request too), forgets the codes sent to the phone and deletes the user,
 * so the same phone signs in later as a new user with new per-app ids.
 */
export function identityPersonalData(db: Db, clock: Clock): PersonalDataContributor {
  return {
    section: 'identity',
    async export(userId) {
      const user = await findUserById(db, userId);
      const sessions = await userSessionsOf(db, userId);
      const codes = user ? await otpsSentTo(db, user.phone) : [];
      return {
        account: user
          ? {
              id: user.id,
              phone: user.phone,
              created_at: Number(user.created_at),
              last_sign_in_at: Number(user.last_sign_in_at),
            }
          : null,
        sessions: sessions.map((s) => ({
          id: s.id,
          created_at: Number(s.created_at),
          expires_at: Number(s.expires_at),
          revoked_at: s.revoked_at === null ? null : Number(s.revoked_at),
        })),
        sign_in_codes: codes.map((c) => ({
          sent_at: Number(c.created_at),
          expires_at: Number(c.expires_at),
          used_at: c.consumed_at === null ? null : Number(c.consumed_at),
          requested_from_ip: c.ip,
        })),
      };
    },
    async erase(userId, trx) {
      await revokeUserSessions(trx, userId, clock.now());
      const user = await findUserById(trx, userId);
      if (user) await deleteUser(trx, user);
    },
  };
}
