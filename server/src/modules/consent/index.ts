/**
 * Consent: personal data leaves the platform only with the user's consent, per app and
 * per scope, given in a host sheet that shows the reason the app declared.
 *
 * - The host asks `sheet` / records `decide`; a scope the app did not declare is refused
 *   (`CONSENT_SCOPE_NOT_DECLARED`).
 * - `profile`, `location` and `issuePhoneCode` answer only while the grant stands; the
 *   app's server exchanges a phone code once (`POST /api/apps/phone_number`).
 * - Revoking (all scopes of an app, or one) deletes the grants and stops unused phone
 *   codes. What revocation means for login: the app's openid for the user stays what it
 *   was (it is derived, as on Douyin and WeChat), but every personal-data scope is gone,
 *   the app leaves the user's authorizations list, and the next request for any scope
 *   shows the sheet again. Login itself shares no personal data beyond the pairwise id.
 *
 * @example
 * if (await consent.isGranted(userId, appid, 'location')) answerWithDeviceLocation();
 */

export { consentPlugin } from './consent.plugin.ts';
export {
  type Authorization,
  type ConsentDeps,
  type ConsentService,
  type ConsentSheet,
  createConsentService,
  phoneCodeLifetimeMs,
} from './consent.service.ts';
export type { ConsentTables } from './consent.table.ts';
export { consentErrors } from './errors.ts';
export { consentMigrations } from './migrations/index.ts';
export { consentPersonalData } from './personal-data.ts';
export { type SharedPhoneNumber, splitPhoneNumber } from './phone-number.ts';
export { defaultProfiles, type ProfileSource, type SharedProfile } from './profile-source.ts';
