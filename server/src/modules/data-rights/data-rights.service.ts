import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import type { LoginService } from '../login/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import { claimErasure, findErasure } from './erasure.repository.ts';

export const userDeletedEvent = 'user.deleted';

export interface DataRightsDeps {
  db: Db;
  clock: Clock;
  /** Every module holding personal data, registered in the composition root. */
  contributors: readonly PersonalDataContributor[];
  login: Pick<LoginService, 'pairwiseIdsOf'>;
  webhooks: Pick<WebhooksService, 'enqueueEvent'>;
}

/** Everything the platform holds about a user, one section per module. */
export interface PersonalDataExport {
  format: 1;
  userId: string;
  exportedAt: number;
  sections: Record<string, unknown>;
}

export interface AccountErasure {
  userId: string;
  erasedAt: number;
  appsNotified: number;
  /** False when this call found the account already erased and changed nothing. */
  erasedNow: boolean;
}

/** One app to tell of the erasure, with the ids it knows the user by. */
interface Notice {
  appId: string;
  openid: string;
  unionid: string;
}

export interface DataRightsService {
  /** Everything each module holds about the user, without secrets. */
  exportFor(userId: string): Promise<PersonalDataExport>;
  /**
   * Erases (or pseudonymises, where money must be kept) the user's data in every module,
   * revoking their sessions, and enqueues `user.deleted` for each app they used, all in
   * one transaction. A repeat, or a concurrent second request, erases and notifies nothing.
   */
  eraseAccount(userId: string): Promise<AccountErasure>;
}

/**
 * The user's rights over their data: a full export, and erasure across every module in
 * one transaction with a signed `user.deleted` callback to each app they used.
 */
export function createDataRightsService(deps: DataRightsDeps): DataRightsService {
  const { db, clock, contributors, login, webhooks } = deps;
  const sections = new Set<string>();
  for (const c of contributors) {
    if (sections.has(c.section)) throw new Error(`Two personal-data contributors claim section ${c.section}`);
    sections.add(c.section);
  }

  /**
   * The apps to notify and the ids they know the user by, read before the erasing
   * transaction: the ids derive from the user id, which the erasure unlinks.
   */
  async function noticesFor(userId: string): Promise<Notice[]> {
    const appIds = new Set<string>();
    for (const c of contributors) for (const id of (await c.appsUsed?.(userId)) ?? []) appIds.add(id);
    const notices: Notice[] = [];
    for (const appId of [...appIds].sort()) {
      const { openid, unionid } = await login.pairwiseIdsOf(appId, userId);
      notices.push({ appId, openid, unionid });
    }
    return notices;
  }

  return {
    /** Everything each module holds about the user, without secrets. */
    async exportFor(userId: string): Promise<PersonalDataExport> {
      const out: Record<string, unknown> = {};
      for (const c of contributors) out[c.section] = await c.export(userId);
      return { format: 1, userId, exportedAt: clock.now(), sections: out };
    },

    /**
     * Erases (or pseudonymises, where money must be kept) the user's data in every module,
     * revoking their sessions, and enqueues `user.deleted` for each app they used, all in
     * one transaction. A repeat, or a concurrent second request, erases and notifies nothing.
     */
    async eraseAccount(userId: string): Promise<AccountErasure> {
      const done = await findErasure(db, userId);
      if (done) {
        return {
          userId,
          erasedAt: Number(done.erased_at),
          appsNotified: Number(done.apps_notified),
          erasedNow: false,
        };
      }
      const notices = await noticesFor(userId);
      const erasedAt = clock.now();
      const claimed = await db.transaction().execute(async (trx) => {
        if (
          !(await claimErasure(trx, { user_id: userId, erased_at: erasedAt, apps_notified: notices.length }))
        ) {
          return false;
        }
        for (const c of contributors) await c.erase(userId, trx);
        for (const n of notices) {
          await webhooks.enqueueEvent(trx, {
            appId: n.appId,
            type: userDeletedEvent,
            data: { openid: n.openid, unionid: n.unionid, deleted_at: new Date(erasedAt).toISOString() },
          });
        }
        return true;
      });
      if (claimed) return { userId, erasedAt, appsNotified: notices.length, erasedNow: true };
      const winner = await findErasure(db, userId);
      return {
        userId,
        erasedAt: Number(winner?.erased_at ?? erasedAt),
        appsNotified: Number(winner?.apps_notified ?? 0),
        erasedNow: false,
      };
    },
  };
}
