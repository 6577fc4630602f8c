/**
 * The industries an app may declare, kept as data: each has its commission (basis points
 * of every settled order) and the capabilities its apps may use. Changing a rate here
 * changes future settlements only; settled orders keep the rate they were settled with.
 */
export const capabilities = [
  'payment',
  'subscription_message',
  'phone_number',
  'location',
  'address',
  'video_anchor',
  'live_anchor',
  'poi_anchor',
] as const;
export type Capability = (typeof capabilities)[number];

export interface IndustryCategory {
  id: string;
  name: string;
  /** Commission on settled orders, in basis points (100 = 1 %). */
  commissionBps: number;
  capabilities: readonly Capability[];
}

const all = capabilities;
const noLocation = all.filter((c) => c !== 'location' && c !== 'address');

export const industryCategories = [
  { id: 'food_delivery', name: 'Food delivery', commissionBps: 250, capabilities: all },
  { id: 'education', name: 'Education and courses', commissionBps: 500, capabilities: noLocation },
  { id: 'automotive', name: 'Automotive', commissionBps: 200, capabilities: all },
  { id: 'retail', name: 'Retail', commissionBps: 300, capabilities: all },
  { id: 'local_services', name: 'Local services', commissionBps: 300, capabilities: all },
  { id: 'travel', name: 'Travel and hotels', commissionBps: 400, capabilities: all },
  { id: 'entertainment', name: 'Entertainment and tickets', commissionBps: 500, capabilities: all },
  {
    id: 'tools',
    name: 'Tools and utilities',
    commissionBps: 100,
    capabilities: ['payment', 'subscription_message', 'video_anchor'],
  },
] as const satisfies readonly IndustryCategory[];

export type IndustryCategoryId = (typeof industryCategories)[number]['id'];
export const industryCategoryIds = industryCategories.map((c) => c.id) as [
  IndustryCategoryId,
  ...IndustryCategoryId[],
];

/**
 * @example
 * industryCategory('food_delivery')?.commissionBps // 250
 */
export function industryCategory(id: string): IndustryCategory | undefined {
  return industryCategories.find((c) => c.id === id);
}
