import type { Selectable } from 'kysely';

/**
 * One node of the operator's category tree. `capabilities` and `requirements` are JSON
 * text (arrays), read through `category-rules.ts`; money terms are integers.
 */
export interface IndustryCategoryTable {
  id: string;
  parent_id: string | null;
  name: string;
  position: number;
  /** Commission on settled orders in basis points (100 = 1 %). */
  commission_bps: number;
  /** Days a paid order is held before the platform settles it; null: the platform's default. */
  holding_days: number | null;
  /** JSON array of capability names. */
  capabilities: string;
  /** JSON array of `{ licence_type, name, grants }`. */
  requirements: string;
  created_at: number;
  updated_at: number;
}

/** A scan of a licence as uploaded; the bytes are a blob, addressed by their hash. */
export interface QualificationScanTable {
  id: string;
  org_id: string;
  sha256: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  created_at: number;
}

export type QualificationStatus = 'pending' | 'approved' | 'rejected';

/** A licence an org holds, as submitted and as the operator judged it. */
export interface OrgQualificationTable {
  id: string;
  org_id: string;
  licence_type: string;
  number: string;
  holder: string;
  valid_from: number;
  valid_until: number;
  scan_id: string;
  status: QualificationStatus;
  review_code: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  submitted_by: string;
  created_at: number;
  updated_at: number;
}

/** The categories an app chose; one of them is primary (its money terms). */
export interface AppIndustryTable {
  app_id: string;
  category_id: string;
  is_primary: number;
  chosen_at: number;
}

export type NoticeKind = 'expiring' | 'expired';

/** A notice to an org about one qualification, at most one of each kind. */
export interface IndustryNoticeTable {
  id: string;
  org_id: string;
  qualification_id: string;
  kind: NoticeKind;
  licence_type: string;
  valid_until: number;
  created_at: number;
}

export interface IndustriesTables {
  industry_category: IndustryCategoryTable;
  qualification_scan: QualificationScanTable;
  org_qualification: OrgQualificationTable;
  app_industry: AppIndustryTable;
  industry_notice: IndustryNoticeTable;
}

export type IndustryCategoryRow = Selectable<IndustryCategoryTable>;
export type QualificationScanRow = Selectable<QualificationScanTable>;
export type OrgQualificationRow = Selectable<OrgQualificationTable>;
export type AppIndustryRow = Selectable<AppIndustryTable>;
export type IndustryNoticeRow = Selectable<IndustryNoticeTable>;
