/** The `plaza` command, callable in-process (tests, other tools) as well as from the shell. */

export { type DevServer, type DevServerOptions, startDevServer } from './commands/dev/index.ts';
export type { Dialect } from './create/dialect.ts';
export { starterFiles } from './create/starter.ts';
export { CliError, cliMessages } from './errors.ts';
export type { CommandIo } from './io.ts';
export { main } from './main.ts';
