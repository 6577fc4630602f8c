import { defineErrors } from '../../errors/index.ts';

export const runtimeErrorErrors = defineErrors('RUNTIME_ERROR', {
  APP_NOT_FOUND: { status: 404, message: 'No such app' },
  TOO_MANY_GROUPS: {
    status: 429,
    message: 'The app has as many distinct errors as the platform keeps; repeats of known ones still count',
  },
});
