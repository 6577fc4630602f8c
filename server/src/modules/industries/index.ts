/**
 * Industries and qualifications: the operator's category tree (licences, capabilities,
 * commission, holding period per category), the licences orgs hold and their review, the
 * categories apps choose, and what those allow them now. Payments, messages and live ask
 * it before guaranteed payment, long-term subscriptions and live mounting.
 */
export { industryErrors } from './errors.ts';
export type {
  AppIndustries,
  IndustryCapability,
  IndustryCategory,
  PaymentTerms,
  Qualification,
} from './industries.model.ts';
export { industryCapabilities } from './industries.model.ts';
export { industriesPlugin } from './industries.plugin.ts';
export { createIndustriesService, type IndustriesService } from './industries.service.ts';
export type { IndustriesTables } from './industries.table.ts';
export { defaultIndustriesOptions, type IndustriesDeps } from './industries-context.ts';
export { industriesMigrations } from './migrations/index.ts';
export { qualificationEvents } from './qualification-events.ts';
