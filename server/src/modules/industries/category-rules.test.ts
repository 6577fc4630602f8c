import { describe, expect, it } from 'vitest';
import { type Held, requirementState, standing, usableCapabilities } from './category-rules.ts';
import type { IndustryCategory } from './industries.model.ts';

const clinic: IndustryCategory = {
  id: 'health.clinic',
  parentId: 'health',
  name: 'Clinics',
  position: 0,
  commissionBps: 600,
  holdingDays: 14,
  capabilities: ['guaranteed_payment', 'live_mounting', 'poi_services'],
  requirements: [
    { licenceType: 'medical', name: 'Medical', grants: ['guaranteed_payment', 'live_mounting'] },
    { licenceType: 'pharmacy', name: 'Pharmacy', grants: ['poi_services'] },
  ],
  updatedAt: 0,
};
const licence = (
  licenceType: string,
  status: Held['status'],
  validFrom: number,
  validUntil: number,
): Held => ({
  licenceType,
  status,
  validFrom,
  validUntil,
});

describe('category rules', () => {
  it('counts only an approved licence within its dates as met', () => {
    const medical = clinic.requirements[0] as IndustryCategory['requirements'][number];
    expect(requirementState(medical, [], 50)).toBe('pending');
    expect(requirementState(medical, [licence('medical', 'pending', 0, 100)], 50)).toBe('pending');
    expect(requirementState(medical, [licence('medical', 'rejected', 0, 100)], 50)).toBe('pending');
    expect(requirementState(medical, [licence('other', 'approved', 0, 100)], 50)).toBe('pending');
    expect(requirementState(medical, [licence('medical', 'approved', 0, 100)], 50)).toBe('met');
    // The end is exclusive; a licence not valid yet does not count either.
    expect(requirementState(medical, [licence('medical', 'approved', 0, 100)], 100)).toBe('expired');
    expect(requirementState(medical, [licence('medical', 'approved', 60, 100)], 50)).toBe('expired');
    expect(
      requirementState(
        medical,
        [licence('medical', 'approved', 0, 100), licence('medical', 'approved', 90, 200)],
        150,
      ),
    ).toBe('met');
  });

  it('holds a category with a licence never approved pending, whole; a lapsed one suspends only what it grants', () => {
    const both = [licence('medical', 'approved', 0, 100), licence('pharmacy', 'approved', 0, 1000)];
    expect(standing(clinic, [both[0] as Held], 50)).toMatchObject({
      status: 'pending',
      suspended: clinic.capabilities,
      missing: ['pharmacy'],
    });
    expect(standing(clinic, both, 50)).toMatchObject({ status: 'active', suspended: [], missing: [] });
    const lapsed = standing(clinic, both, 500);
    expect(lapsed).toMatchObject({
      status: 'suspended',
      suspended: ['guaranteed_payment', 'live_mounting'],
      missing: ['medical'],
    });
    expect(usableCapabilities([lapsed])).toEqual(['poi_services']);
  });

  it('lets any standing category give a capability', () => {
    const open: IndustryCategory = {
      ...clinic,
      id: 'open',
      requirements: [],
      capabilities: ['live_mounting'],
    };
    const pending = standing(clinic, [], 0);
    expect(usableCapabilities([pending])).toEqual([]);
    expect(usableCapabilities([pending, standing(open, [], 0)])).toEqual(['live_mounting']);
  });
});
