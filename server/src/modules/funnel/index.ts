export { funnelErrors } from './errors.ts';
export { type FunnelRouteOptions, funnelRoutes } from './funnel.routes.ts';
export { createFunnelService, type FunnelDay, type FunnelService } from './funnel.service.ts';
export { type FunnelStep, type FunnelTables, funnelSteps } from './funnel.table.ts';
export { funnelMigrations } from './migrations/index.ts';
export { funnelPersonalData } from './personal-data.ts';
