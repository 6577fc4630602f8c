import { validateAnchorShape } from './anchor-rules.ts';
import type { AnchorInput, AppCard } from './content.model.ts';
import type { MountingMode } from './content.table.ts';
import type { ContentContext } from './content-context.ts';
import { findCreator } from './creator.repository.ts';
import { contentErrors } from './errors.ts';
import { findMounting, replaceMounting } from './mounting.repository.ts';

export interface Mounting {
  mode: MountingMode;
  /** The creators (user ids) the app authorised. */
  creators: string[];
}

/** Which creators may mount an app: set by the app's developers, asked by videos and live rooms. */
export interface MountingService {
  mounting(appid: string): Promise<Mounting>;
  setMounting(appid: string, mounting: Mounting): Promise<Mounting>;
  /** Refuses (coded) unless the app is mountable now and lets this creator mount it; its card. */
  requireMountableBy: ContentContext['requireMountableBy'];
  /** The anchor rules of videos, for anchors elsewhere (live rooms): shape, then who may mount. */
  requireAnchorBy(creatorId: string, anchor: AnchorInput): Promise<AppCard>;
}

export function createMountingService(
  ctx: Pick<ContentContext, 'db' | 'clock' | 'requireMountableBy'>,
): MountingService {
  const { db, clock } = ctx;
  return {
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
