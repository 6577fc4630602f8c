import type {
  IndustryCategoryRow,
  IndustryNoticeRow,
  NoticeKind,
  OrgQualificationRow,
  QualificationStatus,
} from './industries.table.ts';

/** What an industry may unlock for its apps; each is enforced where it is used. */
export const industryCapabilities = [
  'guaranteed_payment',
  'long_term_subscription',
  'live_mounting',
  'poi_services',
] as const;
export type IndustryCapability = (typeof industryCapabilities)[number];

/** A licence an org must hold for some of a category's capabilities. */
export interface Requirement {
  licenceType: string;
  name: string;
  /** The capabilities that stop while no approved, unexpired qualification of this type is held. */
  grants: IndustryCapability[];
}

export interface IndustryCategory {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
  commissionBps: number;
  /** Days a paid order is held before settlement; null: the platform's default. */
  holdingDays: number | null;
  capabilities: IndustryCapability[];
  requirements: Requirement[];
  updatedAt: number;
}

export type CategoryInput = Omit<IndustryCategory, 'updatedAt' | 'position'> & { position?: number };
export type CategoryPatch = Partial<Omit<CategoryInput, 'id'>>;

/** What an org submits about a licence it holds. */
export interface QualificationInput {
  licenceType: string;
  number: string;
  holder: string;
  validFrom: number;
  validUntil: number;
  scanId: string;
}

/** A qualification as the org and the operator see it; `expired` is decided by the clock. */
export interface Qualification extends QualificationInput {
  id: string;
  orgId: string;
  status: QualificationStatus | 'expired';
  reviewCode: string | null;
  reviewNote: string | null;
  reviewedAt: number | null;
  createdAt: number;
}

/** Why a qualification was refused, for the org to fix; `other` needs a note. */
export const rejectionCodes = [
  'illegible',
  'document_expired',
  'holder_mismatch',
  'number_invalid',
  'wrong_licence_type',
  'other',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export type Review =
  | { decision: 'approve' }
  | { decision: 'reject'; code: RejectionCode; note: string | null };

export interface Scan {
  id: string;
  orgId: string;
  sha256: string;
  contentType: string;
  size: number;
  createdAt: number;
}

export interface Notice {
  id: string;
  orgId: string;
  qualificationId: string;
  kind: NoticeKind;
  licenceType: string;
  validUntil: number;
  createdAt: number;
}

export type CategoryStatus = 'active' | 'pending' | 'suspended';

/** One chosen category of an app, judged against the org's qualifications now. */
export interface AppCategoryStanding {
  category: IndustryCategory;
  primary: boolean;
  status: CategoryStatus;
  /** Capabilities of the category that are off now (all of them while pending). */
  suspended: IndustryCapability[];
  /** Licence types the org still needs approved (pending) or renewed (suspended). */
  missing: string[];
}

export interface AppIndustries {
  appId: string;
  /** True when the app chose nothing and its profile industry stands in. */
  fromProfile: boolean;
  categories: AppCategoryStanding[];
  capabilities: IndustryCapability[];
}

/** What an order records when it is created, so a later change never rewrites it. */
export interface PaymentTerms {
  categoryId: string;
  commissionBps: number;
  /** Null: the platform's default holding period. */
  holdingMs: number | null;
}

/** Who calls on an org or an app: an account, perhaps an operator. */
export interface Caller {
  accountId: string;
  operator: boolean;
}

export function toCategory(row: IndustryCategoryRow): IndustryCategory {
  const requirements = JSON.parse(row.requirements) as {
    licence_type: string;
    name: string;
    grants: IndustryCapability[];
  }[];
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    position: Number(row.position),
    commissionBps: Number(row.commission_bps),
    holdingDays: row.holding_days === null ? null : Number(row.holding_days),
    capabilities: JSON.parse(row.capabilities) as IndustryCapability[],
    requirements: requirements.map((r) => ({ licenceType: r.licence_type, name: r.name, grants: r.grants })),
    updatedAt: Number(row.updated_at),
  };
}

/** The columns of a category's rules, as stored. */
export function categoryColumns(c: Pick<IndustryCategory, 'capabilities' | 'requirements'>) {
  return {
    capabilities: JSON.stringify(c.capabilities),
    requirements: JSON.stringify(
      c.requirements.map((r) => ({ licence_type: r.licenceType, name: r.name, grants: r.grants })),
    ),
  };
}

export function toQualification(row: OrgQualificationRow, now: number): Qualification {
  const validUntil = Number(row.valid_until);
  return {
    id: row.id,
    orgId: row.org_id,
    licenceType: row.licence_type,
    number: row.number,
    holder: row.holder,
    validFrom: Number(row.valid_from),
    validUntil,
    scanId: row.scan_id,
    status: row.status === 'approved' && now >= validUntil ? 'expired' : row.status,
    reviewCode: row.review_code,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at === null ? null : Number(row.reviewed_at),
    createdAt: Number(row.created_at),
  };
}

export function toNotice(row: IndustryNoticeRow): Notice {
  return {
    id: row.id,
    orgId: row.org_id,
    qualificationId: row.qualification_id,
    kind: row.kind,
    licenceType: row.licence_type,
    validUntil: Number(row.valid_until),
    createdAt: Number(row.created_at),
  };
}
