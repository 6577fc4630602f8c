import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { ContentService, Poi } from '../content/index.ts';
import { placeErrors } from './errors.ts';
import { type OpeningHours, openingHoursProblem } from './opening-hours.ts';
import * as claims from './place-claim.repository.ts';
import * as profiles from './place-profile.repository.ts';
import type { ClaimStatus, PlaceClaimRow, PlaceProfileRow } from './places.table.ts';

/** A service a mini program mounts on a place, as Douyin's POI model has it. */
export interface PlaceService {
  app: string;
  appName: string;
  appIconUrl: string | null;
  title: string;
  path: string;
  params: Record<string, string>;
}

export interface PlacePage {
  poiId: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  city: string;
  category: string;
  hours: OpeningHours;
  /** Average spend per person in fen, when known. */
  avgPrice: number | null;
  photos: string[];
  services: PlaceService[];
  claimed: boolean;
}

export interface PlaceProfileInput {
  city?: string;
  category?: string;
  hours?: OpeningHours;
  avgPrice?: number | null;
  photos?: string[];
}

export interface PlaceClaim {
  id: string;
  poiId: string;
  orgId: string;
  accountId: string;
  evidence: string;
  status: ClaimStatus;
  reason: string | null;
  createdAt: number;
}

/** One store as a supplier sends it (the shape of Douyin's `/poi/supplier/sync`). */
export interface SupplierStore {
  supplierExtId: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  city: string;
  category: string;
  hours: OpeningHours;
  avgPrice: number | null;
  photos: string[];
  services: { title: string; path: string; params: Record<string, string> }[];
}

export interface PlacesDeps {
  db: Db;
  clock: Clock;
  pois: Pick<ContentService, 'getPoi' | 'createPoi' | 'updatePoi'>;
  /** Throws unless the account is at least a developer of the org. */
  requireOrgMember(accountId: string, orgId: string): Promise<void>;
  /** The calling app's public id and org (null when unknown or not active). */
  appOf(appId: string): Promise<{ appid: string; orgId: string } | null>;
  /** Refuses (coded) an app whose categories do not allow POI services now (a licence pending or lapsed). */
  requirePoiServices(appId: string): Promise<void>;
}

export type Editor = { operator: true; accountId: string } | { operator: false; accountId: string };

export interface PlacesService {
  page(poiId: string): Promise<PlacePage>;
  editProfile(editor: Editor, poiId: string, input: PlaceProfileInput): Promise<PlacePage>;
  claim(accountId: string, poiId: string, orgId: string, evidence: string): Promise<PlaceClaim>;
  claims(status: ClaimStatus): Promise<PlaceClaim[]>;
  review(operatorId: string, claimId: string, approve: boolean, reason: string | null): Promise<PlaceClaim>;
  /** Creates or updates the calling app's store by its own id; its services are mounted on it. */
  supplierSync(
    appId: string,
    store: SupplierStore,
  ): Promise<{ poiId: string; supplierExtId: string; created: boolean }>;
}

const paramShape = /^[A-Za-z0-9_\-.]+$/;

/** `pages/shop/shop?from=search` → `{path, params}` (the anchor's query as params). */
export function serviceTarget(path: string): { path: string; params: Record<string, string> } {
  const [page, query] = path.split('?');
  return { path: page ?? '', params: Object.fromEntries(new URLSearchParams(query ?? '')) };
}

function anchorPath(s: { path: string; params: Record<string, string> }): string {
  for (const [k, v] of Object.entries(s.params))
    if (!paramShape.test(k) || !paramShape.test(v)) throw placeErrors.SERVICE_PATH_INVALID();
  const query = new URLSearchParams(s.params).toString();
  return query ? `${s.path}?${query}` : s.path;
}

function toClaim(row: PlaceClaimRow): PlaceClaim {
  return {
    id: row.id,
    poiId: row.poi_id,
    orgId: row.org_id,
    accountId: row.account_id,
    evidence: row.evidence,
    status: row.status,
    reason: row.reason,
    createdAt: Number(row.created_at),
  };
}

function pageOf(poi: Poi, profile: PlaceProfileRow | undefined): PlacePage {
  return {
    poiId: poi.id,
    name: poi.name,
    address: poi.address,
    lat: poi.lat,
    lng: poi.lng,
    city: profile?.city ?? '',
    category: profile?.category ?? '',
    hours: profile ? (JSON.parse(profile.hours) as OpeningHours) : [],
    avgPrice: profile?.avg_price == null ? null : Number(profile.avg_price),
    photos: profile ? (JSON.parse(profile.photos) as string[]) : [],
    services: poi.anchors.map((a) => ({
      app: a.appid,
      appName: a.appName,
      appIconUrl: a.appIconUrl,
      title: a.title,
      ...serviceTarget(a.path),
    })),
    claimed: profile?.owner_org_id != null,
  };
}

export function createPlacesService(deps: PlacesDeps): PlacesService {
  const { db, clock, pois } = deps;

  async function page(poiId: string): Promise<PlacePage> {
    const poi = await pois.getPoi(poiId).catch((error: { code?: string }) => {
      if (error.code === 'CONTENT_POI_NOT_FOUND') throw placeErrors.NOT_FOUND();
      throw error;
    });
    return pageOf(poi, await profiles.find(db, poiId));
  }

  function checkHours(hours: OpeningHours | undefined) {
    if (hours && openingHoursProblem(hours))
      throw placeErrors.HOURS_INVALID({ problem: openingHoursProblem(hours) });
  }

  return {
    page,

    async editProfile(editor, poiId, input) {
      await page(poiId);
      checkHours(input.hours);
      const current = await profiles.find(db, poiId);
      if (!editor.operator) {
        if (!current?.owner_org_id) throw placeErrors.NOT_YOURS();
        await deps.requireOrgMember(editor.accountId, current.owner_org_id).catch(() => {
          throw placeErrors.NOT_YOURS();
        });
      }
      await profiles.upsert(db, {
        poi_id: poiId,
        city: input.city ?? current?.city ?? '',
        category: input.category ?? current?.category ?? '',
        hours: JSON.stringify(input.hours ?? (current ? JSON.parse(current.hours) : [])),
        avg_price: input.avgPrice !== undefined ? input.avgPrice : (current?.avg_price ?? null),
        photos: JSON.stringify(input.photos ?? (current ? JSON.parse(current.photos) : [])),
        owner_org_id: current?.owner_org_id ?? null,
        supplier_org_id: current?.supplier_org_id ?? null,
        supplier_ext_id: current?.supplier_ext_id ?? null,
        updated_at: clock.now(),
      });
      return page(poiId);
    },

    async claim(accountId, poiId, orgId, evidence) {
      await deps.requireOrgMember(accountId, orgId);
      await page(poiId);
      if ((await profiles.find(db, poiId))?.owner_org_id === orgId) throw placeErrors.ALREADY_YOURS();
      if (await claims.pendingOf(db, poiId, orgId)) throw placeErrors.CLAIM_PENDING();
      const row: PlaceClaimRow = {
        id: newId('clm'),
        poi_id: poiId,
        org_id: orgId,
        account_id: accountId,
        evidence,
        status: 'pending',
        reviewed_by: null,
        reason: null,
        created_at: clock.now(),
        reviewed_at: null,
      };
      await claims.insert(db, row);
      return toClaim(row);
    },

    async claims(status) {
      return (await claims.list(db, status)).map(toClaim);
    },

    async review(operatorId, claimId, approve, reason) {
      return db.transaction().execute(async (trx) => {
        const row = await claims.find(trx, claimId);
        if (!row) throw placeErrors.CLAIM_NOT_FOUND();
        if (row.status !== 'pending') throw placeErrors.CLAIM_REVIEWED();
        const now = clock.now();
        const decided = await claims.decide(trx, claimId, {
          status: approve ? 'approved' : 'rejected',
          reviewed_by: operatorId,
          reason,
          reviewed_at: now,
        });
        if (!decided) throw placeErrors.CLAIM_REVIEWED();
        if (approve) {
          // The place now runs under the claiming org; other orgs' pending claims are settled by it.
          const current = await profiles.find(trx, row.poi_id);
          await profiles.upsert(trx, {
            poi_id: row.poi_id,
            city: current?.city ?? '',
            category: current?.category ?? '',
            hours: current?.hours ?? '[]',
            avg_price: current?.avg_price ?? null,
            photos: current?.photos ?? '[]',
            owner_org_id: row.org_id,
            supplier_org_id: current?.supplier_org_id ?? null,
            supplier_ext_id: current?.supplier_ext_id ?? null,
            updated_at: now,
          });
          await claims.rejectOthers(trx, row.poi_id, claimId, operatorId, now);
        }
        return toClaim({ ...row, status: approve ? 'approved' : 'rejected', reason });
      });
    },

    async supplierSync(appId, store) {
      const app = await deps.appOf(appId);
      if (!app) throw placeErrors.APP_NOT_MOUNTABLE();
      if (store.services.length > 0) await deps.requirePoiServices(appId);
      checkHours(store.hours);
      const anchors = store.services.map((s) => ({ appid: app.appid, title: s.title, path: anchorPath(s) }));
      const existing = await profiles.findBySupplier(db, app.orgId, store.supplierExtId);
      const mountError = (error: { code?: string }) => {
        if (error.code === 'CONTENT_ANCHOR_APP_NOT_MOUNTABLE') throw placeErrors.APP_NOT_MOUNTABLE();
        if (error.code === 'CONTENT_ANCHOR_PATH_INVALID') throw placeErrors.SERVICE_PATH_INVALID();
        throw error;
      };
      const place = { name: store.name, address: store.address, lat: store.lat, lng: store.lng };
      const poi = existing
        ? await pois.updatePoi(existing.poi_id, { ...place, appid: app.appid, anchors }).catch(mountError)
        : await pois.createPoi({ ...place, createdBy: `app:${app.appid}`, anchors }).catch(mountError);
      await profiles.upsert(db, {
        poi_id: poi.id,
        city: store.city,
        category: store.category,
        hours: JSON.stringify(store.hours),
        avg_price: store.avgPrice,
        photos: JSON.stringify(store.photos),
        // A supplier's own stores run under its org.
        owner_org_id: existing?.owner_org_id ?? app.orgId,
        supplier_org_id: app.orgId,
        supplier_ext_id: store.supplierExtId,
        updated_at: clock.now(),
      });
      return { poiId: poi.id, supplierExtId: store.supplierExtId, created: !existing };
    },
  };
}
