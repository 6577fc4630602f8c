import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demoErrors } from './errors.ts';

const merchantMains = {
  plaza: fileURLToPath(new URL('../../../examples/takeout/server/src/main.ts', import.meta.url)),
  douyin: fileURLToPath(new URL('../../../examples/takeout/server-douyin/src/main.ts', import.meta.url)),
};
const tsx = import.meta.resolve('tsx');

export interface MerchantProcessOptions {
  /** `plaza`: the server on Plaza's SDK; `douyin`: the one written against Douyin's API, pointed at Plaza. */
  flavour: 'plaza' | 'douyin';
  plazaUrl: string;
  appid: string;
  secret: string;
  webhookSecret: string;
  /** The app's Douyin payment SALT and callback token (the Douyin-style server needs them). */
  douyin?: { salt: string; callbackToken: string };
  port: number;
  /** The kitchen's time from paid to delivered. */
  deliveryMs: number;
  /** The subscription-message template for order updates, when the demo has one. */
  orderTemplateId?: string | undefined;
  /** Where the child's output goes, line by line. */
  log(line: string): void;
}

export interface MerchantProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the takeout merchant server as its own process, the way a merchant runs it beside
 * (not inside) the platform: its credentials come through its environment, it talks to
 * Plaza only over HTTP. Resolves once it answers its health check.
 */
export async function startMerchantProcess(options: MerchantProcessOptions): Promise<MerchantProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  if (options.flavour === 'douyin' && !options.douyin)
    throw demoErrors.MERCHANT_DID_NOT_START('this data dir was seeded without Douyin payment settings');
  const child = spawn(process.execPath, ['--import', tsx, merchantMains[options.flavour]], {
    env: {
      ...process.env,
      // The Douyin-style server knows only Douyin's names; its base URL is Plaza's.
      DOUYIN_BASE_URL: `${options.plazaUrl}/compat/douyin`,
      DOUYIN_APPID: options.appid,
      DOUYIN_SECRET: options.secret,
      DOUYIN_SALT: options.douyin?.salt ?? '',
      DOUYIN_CALLBACK_TOKEN: options.douyin?.callbackToken ?? '',
      PLAZA_URL: options.plazaUrl,
      TAKEOUT_APPID: options.appid,
      TAKEOUT_SECRET: options.secret,
      TAKEOUT_WEBHOOK_SECRET: options.webhookSecret,
      TAKEOUT_HOST: '127.0.0.1',
      TAKEOUT_PORT: String(options.port),
      TAKEOUT_DELIVERY_MS: String(options.deliveryMs),
      TAKEOUT_ORDER_TEMPLATE_ID: options.orderTemplateId ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const forward = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.log(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw demoErrors.MERCHANT_DID_NOT_START(`exited with ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw demoErrors.MERCHANT_DID_NOT_START(`no answer at ${url} after 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
