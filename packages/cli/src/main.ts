import { parseArgs } from 'node:util';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import { create } from './commands/create.ts';
import { dev, devOptions } from './commands/dev/index.ts';
import { login } from './commands/login/index.ts';
import { test } from './commands/test.ts';
import { upload } from './commands/upload/index.ts';
import { CliError } from './errors.ts';
import { type CommandIo, processIo } from './io.ts';

const USAGE = `Usage: plaza <command> [options]

Commands:
  create <dir> --dialect tt|wx   write a new mini program that builds, checks and tests green
  build <dir> [--out <dir>]      compile into a package (folder + .tgz); errors as file:line:col
  check <dir> [--json] [--html <file>]
                                 build, open every page in the simulator, report errors and unsupported use;
                                 --html writes the migration report (with screenshots) as one page
  test [dir]                     run the program's tests (tests/**/*.test.ts) against the simulator
  dev [dir] [--port <n>] [--path <page?query>] [--auto-port <n> [--auto-driver browser|simulator]]
                                 serve the program in a phone frame with a developer panel, reload on change;
                                 --auto-port serves miniprogram-automator's protocol on ws://127.0.0.1:<n>
  login --server <url>           sign in as a developer (--email/--password or a prompt); keeps the session
  upload <dir> --version <x.y.z> build and upload a version [--desc <text>] [--appid <id>] [--server <url>] [--submit]
  help                           show this text
`;

/** Options every command may take; each command reads the ones it understands. */
const OPTIONS = {
  dialect: { type: 'string', default: 'tt' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  server: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  version: { type: 'string' },
  desc: { type: 'string' },
  appid: { type: 'string' },
  submit: { type: 'boolean', default: false },
  port: { type: 'string' },
  path: { type: 'string' },
  html: { type: 'string' },
  'auto-port': { type: 'string' },
  'auto-driver': { type: 'string' },
} as const;

/**
 * Runs one `plaza` command and returns its exit code; never throws for a user mistake.
 *
 * @example
 * process.exitCode = await main(['build', 'examples/takeout']);
 */
export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    switch (command) {
      case 'create':
        if (!rest[0]) throw new CliError('CLI_USAGE', 'plaza create <dir> --dialect tt|wx');
        return await create(rest[0], values.dialect, io);
      case 'build':
        return await build(rest[0] ?? '.', values.out, io);
      case 'check':
        return await check(
          rest[0] ?? '.',
          { json: values.json, ...(values.html !== undefined ? { html: values.html } : {}) },
          io,
        );
      case 'test':
        return await test(rest[0] ?? '.', io);
      case 'dev':
        return await dev(rest[0] ?? '.', devOptions(values), io);
      case 'login':
        return await login(values, io);
      case 'upload':
        return await upload(rest[0] ?? '.', values, io);
      default:
        throw new CliError('CLI_UNKNOWN_COMMAND', command);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`plaza: ${error.message}\n`);
      return 1;
    }
    // parseArgs reports unknown or malformed options with a code of its own.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`plaza: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }
}
