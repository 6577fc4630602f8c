import { newId } from '../../db/ids.ts';
import { addAnchor, anchorsOf } from './anchor.repository.ts';
import { anchorView, validateAnchorShape } from './anchor-rules.ts';
import type { AnchorInput, Poi, PoiInput } from './content.model.ts';
import type { ContentContext } from './content-context.ts';
import { contentErrors } from './errors.ts';
import { findPoi, insertPoi, removeAppAnchorsOfPoi, updatePoi } from './poi.repository.ts';

/** Points of interest (stores) and the service anchors they carry. */
export interface PoiService {
  createPoi(input: PoiInput): Promise<Poi>;
  getPoi(id: string): Promise<Poi>;
  /** A supplier's sync: the POI's name and place, and what this one app mounts on it. */
  updatePoi(
    id: string,
    input: { name: string; address: string; lat: number; lng: number; appid: string; anchors: AnchorInput[] },
  ): Promise<Poi>;
}

type PoiDeps = Pick<ContentContext, 'db' | 'clock' | 'apps'>;

export function createPoiService(ctx: PoiDeps): PoiService {
  const { db, clock, apps } = ctx;

  async function getPoi(id: string): Promise<Poi> {
    const poi = await findPoi(db, id);
    if (!poi) throw contentErrors.POI_NOT_FOUND();
    const anchors = await anchorsOf(db, 'poi', [id]);
    const cards = await apps.mountable(anchors.map((a) => a.appid));
    return {
      id: poi.id,
      name: poi.name,
      address: poi.address,
      lat: poi.lat_e6 / 1e6,
      lng: poi.lng_e6 / 1e6,
      anchors: anchors.flatMap((a) => {
        const view = anchorView(a, cards);
        return view ? [view] : [];
      }),
    };
  }

  return {
    async createPoi(input) {
      for (const a of input.anchors) validateAnchorShape(a);
      const cards = await apps.mountable(input.anchors.map((a) => a.appid));
      for (const a of input.anchors)
        if (!cards.has(a.appid)) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid: a.appid });
      const id = newId('poi');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await insertPoi(trx, {
          id,
          name: input.name,
          address: input.address,
          lat_e6: Math.round(input.lat * 1e6),
          lng_e6: Math.round(input.lng * 1e6),
          created_by: input.createdBy,
          created_at: now,
        });
        for (const a of input.anchors) await addAnchor(trx, { kind: 'poi', id }, a, now);
      });
      return getPoi(id);
    },

    async updatePoi(id, input) {
      for (const a of input.anchors) {
        validateAnchorShape(a);
        if (a.appid !== input.appid) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid: a.appid });
      }
      if (input.anchors.length > 0 && !(await apps.mountable([input.appid])).has(input.appid))
        throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid: input.appid });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const found = await updatePoi(trx, id, {
          name: input.name,
          address: input.address,
          lat_e6: Math.round(input.lat * 1e6),
          lng_e6: Math.round(input.lng * 1e6),
        });
        if (!found) throw contentErrors.POI_NOT_FOUND();
        await removeAppAnchorsOfPoi(trx, id, input.appid);
        for (const a of input.anchors) await addAnchor(trx, { kind: 'poi', id }, a, now);
      });
      return getPoi(id);
    },

    getPoi,
  };
}
