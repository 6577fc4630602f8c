import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { type AutomatorFlag, automatorFlag, startAutomator } from './automator-flag.ts';
import { startDevServer } from './dev-server.ts';
import { type LaunchPath, parseLaunchPath } from './launch-path.ts';

export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.ts';

export interface DevCommandOptions {
  port?: number;
  launch?: LaunchPath;
  /** `--auto-port` / `--auto-driver`: serve the automator protocol for the program. */
  automator?: AutomatorFlag;
}

/** `--port` and `--path` as `plaza dev` takes them; a malformed value is a usage error. */
export function devOptions(values: {
  port?: string | undefined;
  path?: string | undefined;
  'auto-port'?: string | undefined;
  'auto-driver'?: string | undefined;
}): DevCommandOptions {
  const options: DevCommandOptions = {};
  if (values.port !== undefined) {
    const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!(port >= 0 && port <= 65_535)) throw new CliError('CLI_BAD_PORT', values.port);
    options.port = port;
  }
  if (values.path !== undefined) options.launch = parseLaunchPath(values.path);
  const automator = automatorFlag(values);
  if (automator) options.automator = automator;
  return options;
}

/**
 * `plaza dev <dir> [--port N] [--path page?query]`: builds the program, serves it in a
 * phone-sized frame with the developer panel on 127.0.0.1, opens the launch page with its
 * query, rebuilds what changed and reloads on every change, until interrupted.
 */
export async function dev(dir: string, options: DevCommandOptions, io: CommandIo): Promise<number> {
  const { automator: flag, ...serve } = options;
  const server = await startDevServer(dir, { io, ...serve, automation: flag?.driver === 'browser' });
  io.stdout(`Plaza dev server: ${server.url}\nWatching ${dir} for changes. Press Ctrl+C to stop.\n`);
  const automator =
    flag && (await startAutomator(dir, server.url, flag, options.launch, io).catch(closing(server)));
  await (io.stopped ?? interrupted());
  await automator?.close();
  await server.close();
  return 0;
}

/** Closes the dev server when what starts after it fails, then fails as it did. */
function closing(server: { close(): Promise<void> }) {
  return async (error: unknown): Promise<never> => {
    await server.close();
    throw error;
  };
}

function interrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
