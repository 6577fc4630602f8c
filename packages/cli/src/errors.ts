/** The command's own errors (usage and file system), as opposed to the program's build errors. */
export const cliMessages = {
  CLI_USAGE: '{0}',
  CLI_UNKNOWN_COMMAND: 'Unknown command "{0}". Run "plaza help" to see the commands.',
  CLI_DIR_NOT_EMPTY: '{0} already exists and is not empty',
  CLI_BAD_DIALECT: '--dialect must be "tt" or "wx", not "{0}"',
  CLI_NO_TESTS: 'No tests found under {0}/tests',
  CLI_BAD_PORT: '--port must be a whole number from 0 to 65535, not "{0}"',
  CLI_AUTO_PORT_IN_USE: '--auto-port {0} is in use: choose another, or 0 for a free one',
  CLI_BAD_AUTO_DRIVER: '--auto-driver must be "browser" or "simulator", not "{0}"',
  CLI_BAD_LAUNCH_PATH: '--path must name a page of the program, such as pages/index/index?id=1, not "{0}"',
} as const;

export type CliErrorCode = keyof typeof cliMessages;

/** A refusal the command prints as one line and exits 1 with; never a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, ...args: string[]) {
    super(cliMessages[code].replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? ''));
    this.code = code;
  }
}
