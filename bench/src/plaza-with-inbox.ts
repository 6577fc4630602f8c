import { createPlatform, loadConfig } from '@plaza/server';

// The platform as `npm start` builds it, with the dev inbox of demo mode (so a benchmark
// can sign an end user in through the API) but without seeding the demo beside it.
const platform = await createPlatform({
  config: loadConfig({
    PLAZA_LOG_LEVEL: 'warn',
    ...process.env,
    PLAZA_DEMO: 'true',
    PLAZA_PORT: process.env.PORT,
  }),
});
await platform.listen();
process.on('SIGTERM', () => platform.close().then(() => process.exit(0)));
