import { validateAnchorShape } from './anchor-rules.ts';
import type { AnchorInput, AppCard } from './content.model.ts';
import type { MountingMode } from './content.table.ts';
import type { ContentContext } from './content-context.ts';
import { findCreator } from './creator.repository.ts';
import { contentErrors } from './errors.ts';
import {
  confirmOrgAccount,
  findMounting,
  nameOrgAccount,
  orgAccounts,
  removeOrgAccount,
  replaceMounting,
} from './mounting.repository.ts';

export interface Mounting {
  mode: MountingMode;
  /** The creators (user ids) the app authorised: they count under influencer mounting. */
  creators: string[];
}

/** A creator account an org named as its own; it counts once the creator confirmed. */
export interface OrgAccount {
  creatorId: string;
  namedAt: number;
  confirmedAt: number | null;
}

/** Which creators may mount an app: set by the app's developers, asked by videos and live rooms. */
export interface MountingService {
  mounting(appid: string): Promise<Mounting>;
  setMounting(appid: string, mounting: Mounting): Promise<Mounting>;
  /** Refuses (coded) unless the app is mountable now and lets this creator mount it; its card. */
  requireMountableBy: ContentContext['requireMountableBy'];
  /** The anchor rules of videos, for anchors elsewhere (live rooms): shape, then who may mount. */
  requireAnchorBy(creatorId: string, anchor: AnchorInput): Promise<AppCard>;
  /** The creator accounts the org named as its own (self-operated mounting). */
  orgAccounts(orgId: string): Promise<OrgAccount[]>;
  /** Names a creator as the org's own account; it waits for the creator to confirm. */
  nameOrgAccount(orgId: string, creatorId: string): Promise<OrgAccount>;
  removeOrgAccount(orgId: string, creatorId: string): Promise<void>;
  /** The creator confirms being the org's account; refused (coded) unless the org named them. */
  confirmOrgAccount(creatorId: string, orgId: string): Promise<OrgAccount>;
}

export function createMountingService(
  ctx: Pick<ContentContext, 'db' | 'clock' | 'requireMountableBy'>,
): MountingService {
  const { db, clock } = ctx;
  const listed = async (orgId: string): Promise<OrgAccount[]> =>
    (await orgAccounts(db, orgId)).map((a) => ({
      creatorId: a.creator_id,
      namedAt: Number(a.created_at),
      confirmedAt: a.confirmed_at === null ? null : Number(a.confirmed_at),
    }));
  async function accountOf(orgId: string, creatorId: string): Promise<OrgAccount> {
    const found = (await listed(orgId)).find((a) => a.creatorId === creatorId);
    if (!found) throw contentErrors.ORG_ACCOUNT_NOT_FOUND();
    return found;
  }
  return {
    orgAccounts: listed,
    async nameOrgAccount(orgId, creatorId) {
      // The creator is named in the path: one that does not exist is not found.
      if (!(await findCreator(db, creatorId))) throw contentErrors.CREATOR_NOT_FOUND();
      await nameOrgAccount(db, orgId, creatorId, clock.now());
      return accountOf(orgId, creatorId);
    },
    removeOrgAccount: (orgId, creatorId) => removeOrgAccount(db, orgId, creatorId),
    async confirmOrgAccount(creatorId, orgId) {
      if (!(await confirmOrgAccount(db, orgId, creatorId, clock.now())))
        throw contentErrors.ORG_ACCOUNT_NOT_FOUND();
      return accountOf(orgId, creatorId);
    },
    mounting: (appid) => findMounting(db, appid),
    async setMounting(appid, mounting) {
      const creators = [...new Set(mounting.creators)].sort();
      for (const id of creators)
        if (!(await findCreator(db, id))) throw contentErrors.MOUNTING_CREATOR_UNKNOWN({ creator_id: id });
      await db
        .transaction()
        .execute((trx) => replaceMounting(trx, appid, { mode: mounting.mode, creators }, clock.now()));
      return { mode: mounting.mode, creators };
    },
    requireMountableBy: ctx.requireMountableBy,
    async requireAnchorBy(creatorId, anchor) {
      validateAnchorShape(anchor);
      return ctx.requireMountableBy(creatorId, anchor.appid);
    },
  };
}
