import { defineErrors } from '../../errors/index.ts';

/** The recommendation module's coded errors (documented in docs/errors.md). */
export const recommendationErrors = defineErrors('RECOMMENDATION', {
  SETTING_INVALID: { status: 400, message: 'The exploration share must be between 0 and 0.5' },
});
