import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/db/clock.ts';
import type { Engine } from '../../src/db/database.ts';
import type { Logger } from '../../src/logging/logger.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { createTestTarget } from './test-database.ts';

/**
 * A whole platform on a fresh, isolated database of the given engine, for tests that
 * speak HTTP to it (with `app.inject`) or start it on a loopback port.
 *
 * @example
 * const t = await startTestPlatform('postgres'); … await t.stop();
 */
export async function startTestPlatform(
  engine: Engine,
  options: { clock?: Clock; env?: Record<string, string>; superAppRoot?: string; logger?: Logger } = {},
): Promise<Platform & { stop(): Promise<void>; env: Record<string, string> }> {
  const target = await createTestTarget(engine);
  const config = loadConfig({
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_PORT: '0',
    PLAZA_DEMO: 'false',
    PLAZA_WORKERS: 'false',
    // A browser per review only where a test asks for screenshots.
    PLAZA_REVIEW_BROWSER: 'none',
    ...target.env,
    ...options.env,
  });
  const platform = await createPlatform({
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.superAppRoot ? { superAppRoot: options.superAppRoot } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return Object.assign(platform, {
    env: target.env,
    async stop() {
      await platform.close();
      await target.drop();
    },
  });
}
