import type { FastifyInstance } from 'fastify';

/** A route as registered: `METHOD /pattern`. HEAD twins of GET routes are left out. */
export const registeredRoutes = new Set<string>();

/** Infrastructure the docs plugin adds: its page and static assets, public by prefix. */
const docsPrefix = '/docs';

/**
 * Wraps the fastify module so every instance it creates records its routes as they are
 * added: the matrix then knows the platform's real routes, not a list kept by hand.
 *
 * @example
 * vi.mock('fastify', async (original) => (await import('./route-inventory.ts')).recordingFastify(await original()));
 */
export function recordingFastify<M extends { default: (...args: never[]) => FastifyInstance }>(module: M): M {
  const create = module.default;
  const recording = Object.assign((...args: Parameters<typeof create>) => {
    const app = create(...args);
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith(docsPrefix)) return;
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registeredRoutes.add(`${method} ${route.url}`);
      }
    });
    return app;
  }, create);
  return { ...module, default: recording, fastify: recording };
}
