/**
 * One-tap login and per-app user ids: login codes, code2session, pairwise openid and
 * per-org unionid, session keys, and the reverse lookup other modules use.
 */
export { loginErrors } from './errors.ts';
export { loginPlugin } from './login.plugin.ts';
export {
  type AppSession,
  createLoginService,
  type LoginCode,
  type LoginDeps,
  type LoginService,
  loginCodeLifetimeMs,
} from './login.service.ts';
export type { LoginTables } from './login.table.ts';
export { loginMigrations } from './migrations/index.ts';
export { loginPersonalData } from './personal-data.ts';
export { platformKey } from './platform-key.repository.ts';
