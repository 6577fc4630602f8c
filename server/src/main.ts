import { ConfigError, loadConfig } from './config.ts';
import { createPlatform } from './platform.ts';

// `npm start`: the platform on the configured database, URLs printed, SIGTERM drains.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const platform = await createPlatform({ config });
const base = await platform.listen();
const publicBase = config.publicUrl.startsWith('http://127.0.0.1:0') ? base : config.publicUrl;
process.stdout.write(
  [
    '',
    `Plaza is running (${platform.engine === 'sqlite' ? `SQLite at ${config.database.kind === 'sqlite' ? config.database.file : ''}` : 'PostgreSQL'})`,
    `  Super app       ${publicBase}/`,
    `  API reference   ${publicBase}/docs`,
    `  OpenAPI         ${publicBase}/openapi.json`,
    `  Health          ${publicBase}/healthz`,
    ...(platform.operatorSetup
      ? ['', `  No operator yet: create the first one (link valid 24 h) at`, `  ${platform.operatorSetup.url}`]
      : []),
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    platform.log.info({ signal }, 'draining');
    platform.close().then(
      () => process.exit(0),
      (error) => {
        platform.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
