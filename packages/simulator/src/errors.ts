/**
 * The simulator's error catalogue. The platform's automated review runs on the same
 * simulator, so every failure is coded and names the program's file and line when known.
 */
export const simulatorMessages = {
  SIM_BUILD_FAILED: 'The mini program does not build:\n{0}',
  SIM_NOT_A_PROGRAM:
    '{0} is neither a mini-program project (no app.json) nor a built package (no manifest.json)',
  SIM_PAGE_UNKNOWN: 'Page "{0}" is not in app.json',
  SIM_RUNTIME_ERROR: 'The mini program threw: {0}',
  SIM_WAIT_TIMEOUT: 'waitFor timed out after {0} ms: {1}',
  SIM_ELEMENT_NOT_FOUND: 'No element matches "{0}" on {1}',
  SIM_NAVIGATION_REFUSED: 'The navigation was refused: {0}',
  SIM_CLOSED: 'The simulator is closed',
  SIM_NO_PAGE: 'No page is open',
  SIM_AUTOMATION_OFF: 'runInLogic needs a simulator launched with automation: true',
} as const;

export type SimulatorErrorCode = keyof typeof simulatorMessages;

/** A failure of the simulated program or of the test's use of it. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly code: SimulatorErrorCode;

  constructor(
    code: SimulatorErrorCode,
    args: readonly (string | number)[] = [],
    options?: { cause?: unknown },
  ) {
    super(
      simulatorMessages[code].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? '')),
      options,
    );
    this.code = code;
  }
}
