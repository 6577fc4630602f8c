import Fastify from 'fastify';

// The baseline: bare Fastify answering the same JSON as the Plaza route, with no
// database, authentication or hooks.
const body = JSON.parse(process.env.BARE_BODY ?? '{}');
const app = Fastify();
app.get('/', async () => body);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
