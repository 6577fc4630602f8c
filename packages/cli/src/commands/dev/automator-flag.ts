import { resolve } from 'node:path';
import { type AutomatorServer, type DriverName, serveAutomator } from '@plaza/automator';
import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import type { LaunchPath } from './launch-path.ts';

/** `--auto-port N [--auto-driver browser|simulator]` as `plaza dev` takes them. */
export interface AutomatorFlag {
  port: number;
  driver: DriverName;
}

/** Reads the flags; undefined without `--auto-port`. A malformed value is a usage error. */
export function automatorFlag(values: {
  'auto-port'?: string | undefined;
  'auto-driver'?: string | undefined;
}): AutomatorFlag | undefined {
  const driver = values['auto-driver'] ?? 'browser';
  if (driver !== 'browser' && driver !== 'simulator') throw new CliError('CLI_BAD_AUTO_DRIVER', driver);
  if (values['auto-port'] === undefined) return undefined;
  return { port: portOf(values['auto-port']), driver };
}

/** A port as `--port` takes it: 0 to 65535. */
function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) throw new CliError('CLI_BAD_PORT', text);
  return port;
}

/**
 * Starts the automator for the program `plaza dev` serves, and prints its endpoint; a taken
 * port is the user's to change.
 */
export async function startAutomator(
  dir: string,
  devUrl: string,
  flag: AutomatorFlag,
  launch: LaunchPath | undefined,
  io: CommandIo,
): Promise<AutomatorServer> {
  try {
    const server = await serveAutomator({
      dir: resolve(io.cwd, dir),
      devUrl,
      ...flag,
      ...(launch ? { launch } : {}),
      onDriverError: (error) => io.stderr(`automator: ${(error as Error)?.message ?? String(error)}\n`),
    });
    io.stdout(`Automator (${flag.driver}): ${server.wsEndpoint}\n`);
    return server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new CliError('CLI_AUTO_PORT_IN_USE', String(flag.port));
    throw error;
  }
}
