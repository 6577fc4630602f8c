export { funnelErrors } from './errors.ts';
export { funnelPlugin } from './funnel.plugin.ts';
export type { FunnelRouteOptions } from './funnel.routes.ts';
export {
  createFunnelService,
  type FunnelDay,
  type FunnelService,
  orderAttributionMs,
  type ReportedFunnelStep,
} from './funnel.service.ts';
export {
  type FunnelSource,
  type FunnelSourceKind,
  type FunnelStep,
  type FunnelTables,
  funnelSourceKinds,
  funnelSteps,
  type ReportedStep,
  reportedSteps,
} from './funnel.table.ts';
export { funnelMigrations } from './migrations/index.ts';
export { funnelPersonalData } from './personal-data.ts';
