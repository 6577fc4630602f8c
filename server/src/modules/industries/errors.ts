import { defineErrors } from '../../errors/index.ts';

export const industryErrors = defineErrors('INDUSTRY', {
  CATEGORY_NOT_FOUND: { status: 404, message: 'No such industry category' },
  CATEGORY_EXISTS: { status: 409, message: 'An industry category with this id exists already' },
  PARENT_NOT_FOUND: { status: 400, message: 'The parent category does not exist' },
  TREE_TOO_DEEP: { status: 400, message: 'Categories nest at most three levels deep' },
  CATEGORY_CYCLE: {
    status: 400,
    message: 'A category cannot be placed under itself or its own sub-category',
  },
  CATEGORY_IN_USE: {
    status: 409,
    message: 'The category has sub-categories, is chosen by apps or is an app profile industry',
  },
  GRANT_NOT_ALLOWED: {
    status: 400,
    message: 'A qualification may only gate capabilities the category allows',
  },
  NOT_A_LEAF: { status: 400, message: 'Apps choose categories without sub-categories' },
  PRIMARY_NOT_CHOSEN: { status: 400, message: 'The primary category must be one of the chosen categories' },
  SCAN_NOT_FOUND: { status: 404, message: 'No such scan' },
  SCAN_TYPE_REFUSED: { status: 415, message: 'A scan is a JPEG, PNG, WebP or PDF file' },
  SCAN_TOO_LARGE: { status: 413, message: 'The scan is larger than allowed' },
  QUALIFICATION_NOT_FOUND: { status: 404, message: 'No such qualification' },
  VALIDITY_INVALID: { status: 400, message: 'A qualification is valid from a date before its end date' },
  ALREADY_REVIEWED: { status: 409, message: 'The qualification was already reviewed' },
  REASON_REQUIRED: { status: 400, message: 'A rejection names its reason code' },
  REASON_NOTE_REQUIRED: { status: 400, message: 'A rejection for another reason needs a note' },
  CAPABILITY_NOT_ALLOWED: {
    status: 403,
    message: "The app's industry categories do not allow this capability",
  },
  CAPABILITY_SUSPENDED: {
    status: 403,
    message: 'The capability waits for an approved, unexpired qualification of the org',
  },
});
