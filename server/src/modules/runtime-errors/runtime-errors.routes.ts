import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccountPrincipal, requireAccount } from '../../http/access.ts';
import type { RuntimeErrorGroup, RuntimeErrorsService } from './runtime-errors.service.ts';

export interface RuntimeErrorsRouteOptions {
  errors: RuntimeErrorsService;
  /** Throws unless the account may read this app's figures (a member of its org, or an operator). */
  authorizeAppReader(account: AccountPrincipal, appid: string): Promise<void>;
}

const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });
const position = z.number().int().min(0).max(10_000_000).nullable().optional();
const groupWire = z.object({
  id: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  count: z.number(),
  first_seen: z.string(),
  last_seen: z.string(),
  versions: z.array(z.object({ version: z.string(), count: z.number() })),
});

// The console reads this shape from @plaza/api-types: the schema must describe it exactly.
const sameGroup: SameShape<z.infer<typeof groupWire>, Console.RuntimeErrorGroup> = true;
void sameGroup;

function groupJson(g: RuntimeErrorGroup): z.infer<typeof groupWire> {
  return {
    id: g.id,
    message: g.message,
    file: g.file,
    line: g.line,
    column: g.column,
    count: g.count,
    first_seen: new Date(g.firstSeen).toISOString(),
    last_seen: new Date(g.lastSeen).toISOString(),
    versions: g.versions,
  };
}

/** Reports from the containers that run an app, and the developer's grouped view of them. */
export async function runtimeErrorsRoutes(
  app: FastifyInstance,
  options: RuntimeErrorsRouteOptions,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/runtime/apps/:appid/errors',
    {
      // A guest's container reports too: the error happened whoever was watching.
      config: { access: ['anonymous'] },
      schema: {
        tags: ['runtime-errors'],
        summary: "A script error of the app in a user's container, with the author's file and line",
        params: appidParam,
        body: z.strictObject({
          version: z.string().min(1).max(32),
          message: z.string().trim().min(1).max(1000),
          file: z.string().max(512).nullable().optional(),
          line: position,
          column: position,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const b = request.body;
      await options.errors.report({
        appid: request.params.appid,
        version: b.version,
        message: b.message,
        file: b.file || null,
        line: b.line ?? null,
        column: b.column ?? null,
      });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/apps/:appid/runtime-errors',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['runtime-errors'],
        summary:
          "The app's runtime errors grouped by message and location: counts, affected versions, first and last seen (any member)",
        params: appidParam,
        response: { 200: z.object({ items: z.array(groupWire) }) },
      },
    },
    async (request) => {
      await options.authorizeAppReader(requireAccount(request), request.params.appid);
      return { items: (await options.errors.groups(request.params.appid)).map(groupJson) };
    },
  );
}
