import { ConfigError, loadConfig } from './config.ts';
import { type Demo, seedDemoHistory, startDemo } from './demo/index.ts';
import { createPlatform } from './platform.ts';

// `npm start`: the platform on the configured database, the demo beside it (seeded on a
// fresh data dir, reused after), URLs and demo accounts printed, SIGTERM drains both.
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

let demo: Demo | undefined;
const notes: string[] = [];
if (config.demo && !config.demoJoin) {
  try {
    demo = await startDemo({
      base,
      dataDir: config.dataDir,
      operatorSetupUrl: platform.operatorSetup?.url,
      merchantPort: config.demoMerchant.port,
      deliveryMs: config.demoMerchant.deliveryMs,
      merchantFlavour: config.demoMerchant.flavour,
      appExists: async (appid) => (await platform.apps.findByAppid(appid)) !== undefined,
      log: (line) => {
        if (line.startsWith('merchant: ')) platform.log.debug({ area: 'demo-merchant' }, line.slice(10));
        else {
          platform.log.info({ area: 'demo' }, line);
          if (/ffmpeg|already has its own operator|live room could not/.test(line)) notes.push(line);
        }
      },
    });
    if (demo && (await seedDemoHistory(platform, demo.marker.appid)))
      platform.log.info({ area: 'demo' }, 'demo: recorded past weeks of the takeout app for its charts');
  } catch (error) {
    platform.log.error({ err: error }, 'the demo could not be started');
    notes.push(`demo: could not be started: ${(error as Error).message}`);
  }
}

const accounts = demo
  ? [
      '',
      `  Demo (${demo.seeded === 'now' ? 'seeded just now' : 'reused from this data dir'}; PLAZA_DEMO=false turns it off)`,
      `  Operator        ${demo.accounts.operator.email} / ${demo.accounts.operator.password} (operator console)`,
      `  Developer       ${demo.accounts.developer.email} / ${demo.accounts.developer.password} (developer console)`,
      `  End user        phone ${demo.accounts.user.phone} (sign in under Me; the sheet shows the code from the dev inbox)`,
      `  Takeout app     ${demo.marker.appid}, ${demo.marker.videos} videos anchored into it`,
      `  Merchant server ${demo.merchant.url}`,
      ...(demo.live ? [`  Live room       ${publicBase}/?live=${demo.live.roomId}`] : []),
    ]
  : [];
process.stdout.write(
  [
    '',
    `Plaza is running (${platform.engine === 'sqlite' ? `SQLite at ${config.database.kind === 'sqlite' ? config.database.file : ''}` : 'PostgreSQL'})`,
    `  Super app       ${publicBase}/`,
    `  Developer console ${publicBase}/console`,
    `  Operator console  ${publicBase}/operator`,
    `  API reference   ${publicBase}/docs`,
    `  OpenAPI         ${publicBase}/openapi.json`,
    `  Health          ${publicBase}/healthz`,
    ...accounts,
    ...(config.demoJoin
      ? ['', '  Demo (joined: another process of this deployment seeded it and runs its merchant server)']
      : []),
    ...(platform.operatorSetup && !demo
      ? [
          '',
          `  No operator yet: create the first one (link valid 24 h) at`,
          `  ${platform.operatorSetup.url}`,
        ]
      : []),
    ...(notes.length ? ['', ...notes.map((n) => `  ${n}`)] : []),
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    platform.log.info({ signal }, 'draining');
    // The demo first: its live room is ended through the platform, which must still answer.
    (async () => {
      await demo?.stop();
      await platform.close();
    })().then(
      () => process.exit(0),
      (error) => {
        platform.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
