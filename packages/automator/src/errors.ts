/**
 * The automator's error catalogue: every refusal goes back to the client as
 * `{ id, error: { code, message } }` and leaves the server and the program running.
 */
export const automatorMessages = {
  AUTOMATOR_MALFORMED_FRAME: 'The frame is not a JSON request {id, method, params}: {0}',
  AUTOMATOR_UNKNOWN_METHOD: 'Unknown method "{0}"',
  AUTOMATOR_BAD_PARAMS: 'Bad params for {0}: {1}',
  AUTOMATOR_UNSUPPORTED: '{0} is not offered by the {1} driver: {2}',
  AUTOMATOR_NO_PAGE: 'No page {0} in the page stack',
  AUTOMATOR_NO_ELEMENT: 'No element {0} on page {1}',
  AUTOMATOR_NOT_A_COMPONENT: 'Element {0} is not a custom component',
  AUTOMATOR_NO_METHOD: '{0} has no method "{1}"',
  AUTOMATOR_PROGRAM_THREW: 'The program threw: {0}',
  AUTOMATOR_NOT_JSON: '{0} returned a value that is not JSON (a function, a cycle): {1}',
  AUTOMATOR_DRIVER_FAILED: 'The {0} driver failed: {1}',
} as const;

export type AutomatorErrorCode = keyof typeof automatorMessages;

/** A request the automator refuses; rendered as the reply's `error`. */
export class AutomatorError extends Error {
  override readonly name = 'AutomatorError';
  readonly code: AutomatorErrorCode;

  constructor(code: AutomatorErrorCode, ...args: Array<string | number>) {
    super(automatorMessages[code].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? '')));
    this.code = code;
  }
}
