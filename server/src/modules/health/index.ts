export { healthPlugin } from './health.plugin.ts';
export type { HealthProbe } from './health.routes.ts';
