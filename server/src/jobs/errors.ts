import { defineErrors } from '../http/errors.ts';

/** The jobs queue's coded errors (operators see them when inspecting or retrying jobs). */
export const jobErrors = defineErrors('JOB', {
  NOT_FOUND: { status: 404, message: 'No such job' },
  NOT_RETRYABLE: { status: 409, message: 'Only a dead job can be retried' },
  DUPLICATE_TYPE: { status: 500, message: 'Two handlers were registered for one job type' },
});
