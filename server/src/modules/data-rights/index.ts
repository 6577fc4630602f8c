/**
 * Data rights: a user downloads everything the platform holds about them, and deletes
 * their account. Modules keep ownership of their tables: each one that holds personal
 * data implements a `PersonalDataContributor` (export, erase in the erasure's
 * transaction, the apps it knows the user used) and the composition root registers it.
 *
 * Deleting an account erases or pseudonymises the user's data in every module in one
 * transaction, revokes their sessions, and enqueues a signed `user.deleted` callback for
 * each app they used, carrying that app's `openid` (and `unionid`), so merchants erase
 * too. Signing in again with the same phone makes a new user with new openids.
 *
 * @example
 * createDataRightsService({ db, clock, login, webhooks, contributors: [identityPersonalData(db, clock), …] });
 */

export { dataRightsPlugin } from './data-rights.plugin.ts';
export { deletionConfirmation } from './data-rights.routes.ts';
export {
  type AccountErasure,
  createDataRightsService,
  type DataRightsDeps,
  type DataRightsService,
  type PersonalDataExport,
  userDeletedEvent,
} from './data-rights.service.ts';
export type { DataRightsTables } from './data-rights.table.ts';
export { dataRightsErrors } from './errors.ts';
export { dataRightsMigrations } from './migrations/index.ts';
