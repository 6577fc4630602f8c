import { defineErrors } from '../../errors/index.ts';

export const funnelErrors = defineErrors('FUNNEL', {
  RANGE_INVALID: { status: 400, message: 'from must be on or before to, and the range at most 366 days' },
  APP_NOT_FOUND: { status: 404, message: 'No such app in your orgs' },
});
