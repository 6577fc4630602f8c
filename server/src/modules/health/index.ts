export { type HealthProbe, healthRoutes } from './health.routes.ts';
