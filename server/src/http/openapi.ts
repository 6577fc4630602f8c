import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Audience } from './access.ts';

const audienceText: Record<Audience, string> = {
  anonymous: 'anyone',
  user: 'end user (super app session)',
  developer: 'developer (console session or token)',
  operator: 'platform operator',
  app: "app's server (client token)",
};

/** OpenAPI 3.1 at /openapi.json, generated from the routes' zod schemas, and a reference page at /docs. */
export async function installOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plaza API',
        version: '0.1.0',
        description:
          'The Plaza mini-program open platform. Errors are always `{"error":{"code","message","details?"}}`. ' +
          'Each operation says who may call it.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'plaza_session' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: readonly Audience[] } | undefined)?.access ?? [];
      const who = access.length === 0 ? 'nobody' : access.map((a) => audienceText[a]).join(', ');
      const schema = out.schema as Record<string, unknown>;
      schema.description =
        `${(schema.description as string | undefined) ?? ''}\n\n**Who may call:** ${who}.`.trim();
      if (!access.includes('anonymous')) schema.security = [{ bearer: [] }, { session: [] }];
      return out;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/openapi.json', { config: { access: ['anonymous'] }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
