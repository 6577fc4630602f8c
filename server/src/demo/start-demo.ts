import { demoAccounts } from './demo-accounts.ts';
import { type DemoLive, startDemoLive } from './demo-live.ts';
import { type DemoMarker, readDemoMarker, writeDemoMarker } from './demo-marker.ts';
import { DemoError } from './errors.ts';
import { type MerchantProcess, startMerchantProcess } from './merchant-process.ts';
import { seedDemo } from './seed-demo.ts';

export interface StartDemoOptions {
  /** The running platform's base URL. */
  base: string;
  dataDir: string;
  /** The first-operator link of a fresh data dir (the platform prints it when no operator exists). */
  operatorSetupUrl: string | undefined;
  merchantPort: number;
  /** The kitchen's time from paid to delivered, in the merchant server. */
  deliveryMs?: number;
  /** Which takeout merchant server runs: the one on Plaza's SDK, or the Douyin-style one (default plaza). */
  merchantFlavour?: 'plaza' | 'douyin';
  /** Whether the app the marker names still exists (a marker beside another database lies). */
  appExists(appid: string): Promise<boolean>;
  log(line: string): void;
}

/** The running demo: what `npm start` prints, and how to stop its merchant server. */
export interface Demo {
  seeded: 'now' | 'before';
  marker: DemoMarker;
  merchant: MerchantProcess;
  /** The live room streaming now; undefined without ffmpeg, or when it could not start. */
  live: DemoLive | undefined;
  accounts: typeof demoAccounts;
  stop(): Promise<void>;
}

/**
 * Seeds the demo on a fresh data dir (once; a second start reuses what the first made) and
 * starts the takeout merchant server beside the platform. Resolves undefined, having said
 * why, when the data dir already belongs to someone else's operator.
 */
export async function startDemo(options: StartDemoOptions): Promise<Demo | undefined> {
  const { log } = options;
  let marker = await readDemoMarker(options.dataDir);
  if (marker && !(await options.appExists(marker.appid))) marker = undefined;
  const seeded = marker ? 'before' : 'now';
  if (!marker) {
    const merchantUrl = `http://127.0.0.1:${options.merchantPort}`;
    try {
      marker = await seedDemo({
        base: options.base,
        operatorSetupUrl: options.operatorSetupUrl,
        merchantUrl,
        log,
      });
    } catch (error) {
      if (!options.operatorSetupUrl && error instanceof DemoError && / 401:/.test(error.message)) {
        log('demo: this data dir already has its own operator, so no demo is seeded into it');
        return undefined;
      }
      throw error;
    }
    await writeDemoMarker(options.dataDir, marker);
  } else if (marker.merchantPort !== options.merchantPort) {
    log(
      `demo: this data dir's takeout app was built for a merchant server on port ${marker.merchantPort}; starting it there`,
    );
  }
  const merchant = await startMerchantProcess({
    flavour: options.merchantFlavour ?? 'plaza',
    plazaUrl: options.base,
    appid: marker.appid,
    secret: marker.secret,
    webhookSecret: marker.webhookSecret,
    ...(marker.douyin ? { douyin: marker.douyin } : {}),
    port: marker.merchantPort,
    deliveryMs: options.deliveryMs ?? 3_000,
    orderTemplateId: marker.orderTemplateId,
    log: (line) => log(`merchant: ${line}`),
  });
  // The live room is a bonus: the demo runs on without it, saying why.
  const live = await startDemoLive({
    base: options.base,
    appid: marker.appid,
    session: marker.liveSession,
    log,
  }).catch((error: Error) => {
    log(`demo: the live room could not be started: ${error.message}`);
    return undefined;
  });
  if (live && live.session !== marker.liveSession) {
    marker = { ...marker, liveSession: live.session };
    await writeDemoMarker(options.dataDir, marker);
  }
  return {
    seeded,
    marker,
    merchant,
    live,
    accounts: demoAccounts,
    async stop() {
      await live?.stop();
      await merchant.stop();
    },
  };
}
