import type {
  AppCategoryStanding,
  IndustryCapability,
  IndustryCategory,
  Requirement,
} from './industries.model.ts';
import type { QualificationStatus } from './industries.table.ts';

/** A qualification as the rules need it. */
export interface Held {
  licenceType: string;
  status: QualificationStatus;
  validFrom: number;
  validUntil: number;
}

export type RequirementState = 'met' | 'pending' | 'expired';

/**
 * A requirement is met by an approved qualification valid now; one that was approved but
 * is no longer (or not yet) valid makes it `expired`; nothing approved at all is `pending`.
 */
export function requirementState(req: Requirement, held: readonly Held[], now: number): RequirementState {
  const approved = held.filter((h) => h.licenceType === req.licenceType && h.status === 'approved');
  if (approved.some((h) => h.validFrom <= now && now < h.validUntil)) return 'met';
  return approved.length > 0 ? 'expired' : 'pending';
}

/**
 * How a chosen category stands: pending while any licence was never approved (nothing of
 * the category may be used yet), suspended while an approved licence lapsed (only the
 * capabilities that licence gates stop), otherwise active.
 *
 * @example
 * standing(restaurant, [], now).status // 'pending'
 */
export function standing(
  category: IndustryCategory,
  held: readonly Held[],
  now: number,
): Omit<AppCategoryStanding, 'primary'> {
  const states = category.requirements.map((r) => ({ r, state: requirementState(r, held, now) }));
  const pending = states.filter((s) => s.state === 'pending').map((s) => s.r.licenceType);
  if (pending.length > 0)
    return { category, status: 'pending', suspended: [...category.capabilities], missing: pending };
  const lapsed = states.filter((s) => s.state === 'expired');
  const suspended = category.capabilities.filter((c) => lapsed.some((s) => s.r.grants.includes(c)));
  return {
    category,
    status: lapsed.length > 0 ? 'suspended' : 'active',
    suspended,
    missing: lapsed.map((s) => s.r.licenceType),
  };
}

/** The capabilities an app may use now: those some chosen category allows and does not suspend. */
export function usableCapabilities(
  standings: readonly Omit<AppCategoryStanding, 'primary'>[],
): IndustryCapability[] {
  const usable = new Set<IndustryCapability>();
  for (const s of standings)
    for (const c of s.category.capabilities) if (!s.suspended.includes(c)) usable.add(c);
  return [...usable].sort();
}
