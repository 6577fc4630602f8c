import type { Selectable } from 'kysely';

/**
 * What a POI's page shows beyond the content module's row (name, address, coordinates,
 * anchors): its city and category, opening hours, average price, photos, and who runs it —
 * the org whose claim the operator approved, or the supplier that synced it.
 */
export interface PlaceProfileTable {
  poi_id: string;
  city: string;
  category: string;
  /** JSON array of `{days: number[] (1 = Monday), open: 'HH:MM', close: 'HH:MM'}`. */
  hours: string;
  /** Average spend per person in fen; null when unknown. */
  avg_price: number | null;
  /** JSON array of https image URLs. */
  photos: string;
  owner_org_id: string | null;
  /** The supplier org and its own id for the store (`supplier_ext_id`), for syncs. */
  supplier_org_id: string | null;
  supplier_ext_id: string | null;
  updated_at: number;
}

export type ClaimStatus = 'pending' | 'approved' | 'rejected';

/** A merchant's request to run a POI, reviewed by an operator. */
export interface PlaceClaimTable {
  id: string;
  poi_id: string;
  org_id: string;
  account_id: string;
  evidence: string;
  status: ClaimStatus;
  reviewed_by: string | null;
  reason: string | null;
  created_at: number;
  reviewed_at: number | null;
}

export interface PlacesTables {
  place_profile: PlaceProfileTable;
  place_claim: PlaceClaimTable;
}

export type PlaceProfileRow = Selectable<PlaceProfileTable>;
export type PlaceClaimRow = Selectable<PlaceClaimTable>;
