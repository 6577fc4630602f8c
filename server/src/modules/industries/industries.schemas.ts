import { z } from 'zod';
import {
  type AppIndustries,
  type IndustryCategory,
  industryCapabilities,
  type Notice,
  type Qualification,
  rejectionCodes,
  type Scan,
} from './industries.model.ts';

export const tags = ['industries'];

export const categoryId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'lower-case words joined by _ and .');
export const licenceType = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z][a-z0-9_]+$/, 'lower-case letters, digits and _');
export const idParam = z.string().min(1).max(64);
const capability = z.enum(industryCapabilities);
/** Epoch milliseconds within what a Date can hold. */
const instant = z.number().int().min(0).max(8_640_000_000_000_000);

export const requirementBody = z.strictObject({
  licence_type: licenceType,
  name: z.string().trim().min(1).max(100),
  grants: z.array(capability).min(1).max(industryCapabilities.length),
});

export const categoryFields = {
  parent_id: categoryId.nullable(),
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(100_000),
  commission_bps: z.number().int().min(0).max(10_000),
  holding_days: z.number().int().min(0).max(365).nullable(),
  capabilities: z.array(capability).max(industryCapabilities.length),
  requirements: z.array(requirementBody).max(10),
};

export const categoryJson = z.object({
  id: z.string(),
  parent_id: z.string().nullable(),
  name: z.string(),
  position: z.number(),
  commission_bps: z.number(),
  holding_days: z.number().nullable(),
  capabilities: z.array(z.string()),
  requirements: z.array(
    z.object({ licence_type: z.string(), name: z.string(), grants: z.array(z.string()) }),
  ),
  updated_at: z.number(),
});

export function toCategoryJson(c: IndustryCategory): z.infer<typeof categoryJson> {
  return {
    id: c.id,
    parent_id: c.parentId,
    name: c.name,
    position: c.position,
    commission_bps: c.commissionBps,
    holding_days: c.holdingDays,
    capabilities: c.capabilities,
    requirements: c.requirements.map((r) => ({
      licence_type: r.licenceType,
      name: r.name,
      grants: r.grants,
    })),
    updated_at: c.updatedAt,
  };
}

/** The wire's requirements as the domain's. */
export const fromRequirements = (rs: z.infer<typeof requirementBody>[]) =>
  rs.map((r) => ({ licenceType: r.licence_type, name: r.name, grants: r.grants }));

export const qualificationBody = z.strictObject({
  licence_type: licenceType,
  number: z.string().trim().min(1).max(64),
  holder: z.string().trim().min(1).max(200),
  valid_from: instant,
  valid_until: instant,
  scan_id: idParam,
});

export const reviewBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason_code: z.enum(rejectionCodes).optional(),
  note: z.string().trim().min(1).max(500).nullable().default(null),
});

export const qualificationJson = z.object({
  id: z.string(),
  org_id: z.string(),
  licence_type: z.string(),
  number: z.string(),
  holder: z.string(),
  valid_from: z.number(),
  valid_until: z.number(),
  scan_id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'expired']),
  reason_code: z.string().nullable(),
  note: z.string().nullable(),
  reviewed_at: z.number().nullable(),
  created_at: z.number(),
});

export function toQualificationJson(q: Qualification): z.infer<typeof qualificationJson> {
  return {
    id: q.id,
    org_id: q.orgId,
    licence_type: q.licenceType,
    number: q.number,
    holder: q.holder,
    valid_from: q.validFrom,
    valid_until: q.validUntil,
    scan_id: q.scanId,
    status: q.status,
    reason_code: q.reviewCode,
    note: q.reviewNote,
    reviewed_at: q.reviewedAt,
    created_at: q.createdAt,
  };
}

export const scanJson = z.object({ scan_id: z.string(), content_type: z.string(), size: z.number() });
export const toScanJson = (s: Scan) => ({ scan_id: s.id, content_type: s.contentType, size: s.size });

export const noticeJson = z.object({
  id: z.string(),
  kind: z.enum(['expiring', 'expired']),
  qualification_id: z.string(),
  licence_type: z.string(),
  valid_until: z.number(),
  created_at: z.number(),
});
export const toNoticeJson = (n: Notice): z.infer<typeof noticeJson> => ({
  id: n.id,
  kind: n.kind,
  qualification_id: n.qualificationId,
  licence_type: n.licenceType,
  valid_until: n.validUntil,
  created_at: n.createdAt,
});

export const appIndustriesJson = z.object({
  appid: z.string(),
  from_profile: z.boolean(),
  capabilities: z.array(z.string()),
  categories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      primary: z.boolean(),
      status: z.enum(['active', 'pending', 'suspended']),
      commission_bps: z.number(),
      holding_days: z.number().nullable(),
      suspended_capabilities: z.array(z.string()),
      missing_licence_types: z.array(z.string()),
    }),
  ),
});

export function toAppIndustriesJson(appid: string, s: AppIndustries): z.infer<typeof appIndustriesJson> {
  return {
    appid,
    from_profile: s.fromProfile,
    capabilities: s.capabilities,
    categories: s.categories.map((c) => ({
      id: c.category.id,
      name: c.category.name,
      primary: c.primary,
      status: c.status,
      commission_bps: c.category.commissionBps,
      holding_days: c.category.holdingDays,
      suspended_capabilities: c.suspended,
      missing_licence_types: c.missing,
    })),
  };
}
