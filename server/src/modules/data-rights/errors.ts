import { defineErrors } from '../../errors/index.ts';

/** The data-rights module's coded errors (documented in docs/errors.md). */
export const dataRightsErrors = defineErrors('DATA_RIGHTS', {
  CONFIRMATION_MISMATCH: {
    status: 400,
    message: 'To delete the account, send confirmation exactly as "delete my account"',
  },
});
