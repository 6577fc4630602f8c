import { defineErrors } from '../../errors/index.ts';

/** The versions module's coded errors (documented in docs/errors.md). */
export const versionErrors = defineErrors('VERSION', {
  NOT_FOUND: { status: 404, message: 'No such version of this app' },
  INVALID_NUMBER: { status: 400, message: 'The version must be MAJOR.MINOR.PATCH, e.g. 1.2.0' },
  NOT_NEWER: {
    status: 409,
    message: 'The version number must be greater than every existing version of the app',
  },
  EXISTS: { status: 409, message: 'This version number exists already' },
  NOT_AN_ARCHIVE: { status: 400, message: 'The body is not a gzip-compressed tar archive' },
  UNSAFE_ENTRY: {
    status: 400,
    message: 'The archive has an entry outside the package (absolute path, "..", or a link)',
  },
  INVALID_PACKAGE: { status: 400, message: 'The package is not a valid Plaza package' },
  APP_JSON_MISSING: { status: 400, message: 'The package has no valid app.json (manifest appConfig)' },
  TOO_LARGE: { status: 413, message: 'A part of the package is larger than allowed' },
  WRONG_STATUS: { status: 409, message: 'The version is not in a status that allows this' },
  REASONS_REQUIRED: { status: 400, message: 'A rejection needs at least one reason' },
  CHECKS_PENDING: { status: 409, message: 'The automated checks have not finished yet' },
  CHECKS_FAILED: {
    status: 409,
    message: 'The automated checks failed; the developer must upload a fixed version',
  },
  NOT_NEWER_THAN_RELEASED: {
    status: 409,
    message: 'Only a version newer than the released one can be released',
  },
  PERCENTAGE_DOWN: {
    status: 409,
    message: 'A grey release only widens: the percentage cannot go down (roll back instead)',
  },
  NOTHING_TO_ROLL_BACK: { status: 409, message: 'There is no earlier released version to roll back to' },
  NOT_RELEASED: { status: 404, message: 'This app has no released version' },
  APP_TAKEN_DOWN: { status: 410, message: 'This app has been taken down' },
  FILE_NOT_FOUND: { status: 404, message: 'No such file in a released package' },
  SCREENSHOT_NOT_FOUND: { status: 404, message: "No such screenshot in this version's checks" },
});
