import { resolve } from 'node:path';
import { type DriverName, serveAutomator } from '@plaza/automator';
import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { startDevServer } from './dev-server.ts';
import { type LaunchPath, parseLaunchPath } from './launch-path.ts';

export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.ts';

export interface DevCommandOptions {
  port?: number;
  launch?: LaunchPath;
  /** `--auto-port` / `--auto-driver`: serve the automator protocol for the program. */
  automator?: { port: number; driver: DriverName };
}

/** `--port` and `--path` as `plaza dev` takes them; a malformed value is a usage error. */
export function devOptions(values: {
  port?: string | undefined;
  path?: string | undefined;
  'auto-port'?: string | undefined;
  'auto-driver'?: string | undefined;
}): DevCommandOptions {
  const options: DevCommandOptions = {};
  if (values.port !== undefined) options.port = portOf(values.port);
  if (values.path !== undefined) options.launch = parseLaunchPath(values.path);
  const driver = values['auto-driver'] ?? 'browser';
  if (driver !== 'browser' && driver !== 'simulator') throw new CliError('CLI_BAD_AUTO_DRIVER', driver);
  if (values['auto-port'] !== undefined) options.automator = { port: portOf(values['auto-port']), driver };
  return options;
}

function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) throw new CliError('CLI_BAD_PORT', text);
  return port;
}

/**
 * `plaza dev <dir> [--port N] [--path page?query]`: builds the program, serves it in a
 * phone-sized frame with the developer panel on 127.0.0.1, opens the launch page with its
 * query, rebuilds what changed and reloads on every change, until interrupted.
 */
export async function dev(dir: string, options: DevCommandOptions, io: CommandIo): Promise<number> {
  const { automator: auto, ...serve } = options;
  const server = await startDevServer(dir, { io, ...serve, automation: auto?.driver === 'browser' });
  io.stdout(`Plaza dev server: ${server.url}\nWatching ${dir} for changes. Press Ctrl+C to stop.\n`);
  const automator = auto && (await startAutomator(dir, server.url, auto, options.launch, io));
  await (io.stopped ?? interrupted());
  await automator?.close();
  await server.close();
  return 0;
}

async function startAutomator(
  dir: string,
  devUrl: string,
  auto: { port: number; driver: DriverName },
  launch: LaunchPath | undefined,
  io: CommandIo,
) {
  const server = await serveAutomator({
    dir: resolve(io.cwd, dir),
    devUrl,
    ...auto,
    ...(launch ? { launch } : {}),
    onDriverError: (error) => io.stderr(`automator: ${(error as Error)?.message ?? String(error)}\n`),
  });
  io.stdout(`Automator (${auto.driver}): ${server.wsEndpoint}\n`);
  return server;
}

function interrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
