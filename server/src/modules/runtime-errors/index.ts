/**
 * Runtime errors of mini programs as users' containers report them, grouped by message and
 * the author's file and line, with counts, affected versions and when they were last seen.
 */
export { runtimeErrorErrors } from './errors.ts';
export { runtimeErrorMigrations } from './migrations/index.ts';
export { runtimeErrorsPlugin } from './runtime-errors.plugin.ts';
export type { RuntimeErrorsRouteOptions } from './runtime-errors.routes.ts';
export {
  createRuntimeErrorsService,
  errorFingerprint,
  type RuntimeErrorGroup,
  type RuntimeErrorReport,
  type RuntimeErrorsService,
} from './runtime-errors.service.ts';
export type { RuntimeErrorTables } from './runtime-errors.table.ts';
