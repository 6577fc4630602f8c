import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { startDevServer } from './dev-server.ts';
import { type LaunchPath, parseLaunchPath } from './launch-path.ts';

export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.ts';

export interface DevCommandOptions {
  port?: number;
  launch?: LaunchPath;
}

/** `--port` and `--path` as `plaza dev` takes them; a malformed value is a usage error. */
export function devOptions(values: {
  port?: string | undefined;
  path?: string | undefined;
}): DevCommandOptions {
  const options: DevCommandOptions = {};
  if (values.port !== undefined) {
    const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!(port >= 0 && port <= 65_535)) throw new CliError('CLI_BAD_PORT', values.port);
    options.port = port;
  }
  if (values.path !== undefined) options.launch = parseLaunchPath(values.path);
  return options;
}

/**
 * `plaza dev <dir> [--port N] [--path page?query]`: builds the program, serves it in a
 * phone-sized frame with the developer panel on 127.0.0.1, opens the launch page with its
 * query, rebuilds what changed and reloads on every change, until interrupted.
 */
export async function dev(dir: string, options: DevCommandOptions, io: CommandIo): Promise<number> {
  const server = await startDevServer(dir, { io, ...options });
  io.stdout(`Plaza dev server: ${server.url}\nWatching ${dir} for changes. Press Ctrl+C to stop.\n`);
  await (io.stopped ?? interrupted());
  await server.close();
  return 0;
}

function interrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
