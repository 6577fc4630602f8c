import { defineErrors } from '../errors/index.ts';

/** The jobs queue's coded errors, for operators inspecting or retrying jobs (documented in docs/errors.md). */
export const jobErrors = defineErrors('JOB', {
  NOT_FOUND: { status: 404, message: 'No such job' },
  NOT_RETRYABLE: { status: 409, message: 'Only a dead job can be retried' },
  NOT_DISCARDABLE: { status: 409, message: 'Only a dead job can be discarded' },
});
