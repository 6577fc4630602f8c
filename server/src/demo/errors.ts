/** Why the demo could not be seeded or started; each says what to do about it. */
export class DemoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DemoError';
  }
}

export const demoErrors = {
  CALL_FAILED: (call: string, status: number, body: string) =>
    new DemoError('DEMO_CALL_FAILED', `${call} answered ${status}: ${body}`),
  BUILD_FAILED: (problems: string) =>
    new DemoError('DEMO_BUILD_FAILED', `The takeout example did not build:\n${problems}`),
  CHECKS_FAILED: (report: string) =>
    new DemoError('DEMO_CHECKS_FAILED', `The takeout version failed its automated checks: ${report}`),
  CHECKS_TIMED_OUT: () =>
    new DemoError('DEMO_CHECKS_TIMED_OUT', 'The takeout version was still being checked after two minutes'),
  NO_INBOX_CODE: (phone: string) =>
    new DemoError('DEMO_NO_INBOX_CODE', `No sign-in code reached the dev inbox for ${phone}`),
  SERVER_BASE_NOT_FOUND: (file: string) =>
    new DemoError(
      'DEMO_SERVER_BASE_NOT_FOUND',
      `No serverBase literal to point at the merchant server in ${file}`,
    ),
  MERCHANT_DID_NOT_START: (detail: string) =>
    new DemoError('DEMO_MERCHANT_DID_NOT_START', `The takeout merchant server did not start: ${detail}`),
} as const;
