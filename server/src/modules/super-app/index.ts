export { superAppPlugin } from './super-app.plugin.ts';
export { defaultSuperAppRoot, type SuperAppOptions } from './super-app.routes.ts';
