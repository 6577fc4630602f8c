/**
 * The industries an app profile may declare, kept as data, with the privacy scopes and
 * anchors their apps may use. Their money terms (commission, holding period) and licences
 * live in the industries module's category tree, whose top nodes carry these ids.
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
  capabilities: readonly Capability[];
}

const all = capabilities;
const noLocation = all.filter((c) => c !== 'location' && c !== 'address');

export const industryCategories = [
  { id: 'food_delivery', name: 'Food delivery', capabilities: all },
  { id: 'education', name: 'Education and courses', capabilities: noLocation },
  { id: 'automotive', name: 'Automotive', capabilities: all },
  { id: 'retail', name: 'Retail', capabilities: all },
  { id: 'local_services', name: 'Local services', capabilities: all },
  { id: 'travel', name: 'Travel and hotels', capabilities: all },
  { id: 'entertainment', name: 'Entertainment and tickets', capabilities: all },
  {
    id: 'tools',
    name: 'Tools and utilities',
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
 * industryCategory('food_delivery')?.capabilities.includes('location') // true
 */
export function industryCategory(id: string): IndustryCategory | undefined {
  return industryCategories.find((c) => c.id === id);
}
