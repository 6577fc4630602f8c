import { type AutomatorServer, startAutomatorServer } from './automator-server.ts';
import { browserDriver } from './browser-driver.ts';
import type { AutomatorDriver } from './driver.ts';
import { simulatorDriver } from './simulator-driver.ts';

export type DriverName = 'browser' | 'simulator';

export interface ServeAutomatorOptions {
  /** The program's folder. */
  dir: string;
  /** The dev page (`plaza dev`, mounted with automation on); the browser driver opens it. */
  devUrl: string;
  /** The WebSocket port on 127.0.0.1 (the WeChat tools' default is 9420); 0 picks one. */
  port: number;
  driver: DriverName;
  /** The page to open first (the simulator's; the dev page has its own `--path`). */
  launch?: { path: string; query: Record<string, string> };
  onDriverError?: (error: unknown) => void;
}

/**
 * What `plaza dev --auto-port` starts: the program in Chromium (or in the simulator, headless)
 * and the automator protocol on 127.0.0.1 for `automator.connect({ wsEndpoint })`.
 * @example const automator = await serveAutomator({ dir, devUrl: server.url, port: 9420, driver: 'browser' });
 */
export async function serveAutomator(options: ServeAutomatorOptions): Promise<AutomatorServer> {
  const driver: AutomatorDriver<unknown> =
    options.driver === 'browser'
      ? ((await browserDriver({ dir: options.dir, url: options.devUrl })) as AutomatorDriver<unknown>)
      : ((await simulatorDriver(options.dir, options.launch ?? {})) as AutomatorDriver<unknown>);
  try {
    const server = await startAutomatorServer(driver, {
      port: options.port,
      ...(options.onDriverError ? { onDriverError: options.onDriverError } : {}),
    });
    return {
      ...server,
      close: async () => {
        await server.close();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close();
    throw error;
  }
}
