export { defaultSuperAppRoot, type SuperAppOptions, superAppRoutes } from './super-app.routes.ts';
