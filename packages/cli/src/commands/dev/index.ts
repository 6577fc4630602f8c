import type { CommandIo } from '../../io.ts';
import { startDevServer } from './dev-server.ts';

export { type DevServer, type DevServerOptions, startDevServer } from './dev-server.ts';

/**
 * `plaza dev <dir>`: builds the program, serves it in a phone-sized frame with the developer
 * panel on 127.0.0.1, rebuilds and reloads on every change, until interrupted.
 */
export async function dev(dir: string, io: CommandIo): Promise<number> {
  const server = await startDevServer(dir, { io });
  io.stdout(`Plaza dev server: ${server.url}\nWatching ${dir} for changes. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
