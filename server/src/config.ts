import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server's whole configuration, read once from the environment.
 * A bad value stops the start with a message naming the variable.
 *
 * @example
 * const config = loadConfig(process.env);
 */
const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'yes'].includes(v));

const schema = z.object({
  PLAZA_DATA_DIR: z.string().min(1).default('./.plaza'),
  PLAZA_HOST: z.string().min(1).default('127.0.0.1'),
  PLAZA_PORT: port.default(8080),
  PLAZA_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite)')
    .optional(),
  PLAZA_PUBLIC_URL: z.url().optional(),
  PLAZA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PLAZA_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(1024 * 1024),
  PLAZA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  PLAZA_DEMO: bool.default(true),
  PLAZA_DEMO_MERCHANT_PORT: port.default(8081),
  PLAZA_DEMO_DELIVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(3_000),
  PLAZA_DEMO_MERCHANT: z.enum(['plaza', 'douyin']).default('plaza'),
  PLAZA_DEMO_JOIN: bool.default(false),
  PLAZA_WEBHOOK_ALLOW_LOOPBACK: bool.optional(),
  PLAZA_TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-zA-Z.:/,\s]+$/, 'addresses, CIDRs or loopback, comma separated')
    .optional(),
  PLAZA_BLOB_STORE: z.enum(['file', 'database']).optional(),
  PLAZA_WORKERS: bool.default(true),
  PLAZA_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  PLAZA_JOB_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  PLAZA_JOB_LEASE_MS: z.coerce.number().int().min(100).max(86_400_000).default(30_000),
  PLAZA_JOB_DRAIN_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  PLAZA_MESSAGE_USER_DAILY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(20),
  PLAZA_MESSAGE_APP_DAILY_LIMIT: z.coerce.number().int().min(1).max(1_000_000_000).default(1_000_000),
  PLAZA_REVIEW_BROWSER: z.string().min(1).default('/usr/bin/chromium'),
});

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  logLevel: z.infer<typeof schema>['PLAZA_LOG_LEVEL'];
  bodyLimit: number;
  /** How long one request (headers and body) may take to arrive before the connection is cut. */
  requestTimeoutMs: number;
  /**
   * Demo mode: seeds a fresh data dir with a demo and starts its merchant server, shows the
   * development OTP inbox, and accepts loopback http request domains (for that server).
   */
  demo: boolean;
  /**
   * Another process of the same demo deployment: the demo's development settings, but no
   * seeding and no merchant server of its own (the first process runs them).
   */
  demoJoin: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (nginx in front: `loopback`). */
  trustProxy: string | undefined;
  /** Where blobs live: files under the data dir, or the database (the default on PostgreSQL). */
  blobStore: 'file' | 'database' | undefined;
  /** The demo's takeout merchant server: its port, and its kitchen's time from paid to delivered. */
  /** The demo's takeout merchant server: its port, kitchen time, and which one runs (Plaza SDK or Douyin-style). */
  demoMerchant: { port: number; deliveryMs: number; flavour: 'plaza' | 'douyin' };
  /**
   * Webhooks may go to loopback addresses (127.0.0.0/8, ::1, `localhost`): for development,
   * tests and the demo's merchant server on this machine. Unset, it follows `demo`. Private,
   * link-local and other internal addresses are refused whatever it says.
   */
  webhookAllowLoopback: boolean;
  workers: boolean;
  /** The background workers of this process (see docs/jobs.md). */
  jobs: { concurrency: number; pollIntervalMs: number; leaseMs: number; drainTimeoutMs: number };
  /** Subscription messages one app may send per UTC day: to one user, and in all. */
  messages: { perUserPerDay: number; perAppPerDay: number };
  /** The Chromium that paints each page of a version under review; null: no screenshots. */
  reviewBrowser: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as a shell user who writes `PLAZA_PORT= npm start` expects.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('PLAZA_') && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const v = parsed.data;
  const dataDir = resolve(v.PLAZA_DATA_DIR);
  return {
    dataDir,
    host: v.PLAZA_HOST,
    port: v.PLAZA_PORT,
    database: v.PLAZA_DATABASE_URL
      ? { kind: 'postgres', url: v.PLAZA_DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'plaza.db') },
    publicUrl: (v.PLAZA_PUBLIC_URL ?? `http://${v.PLAZA_HOST}:${v.PLAZA_PORT}`).replace(/\/$/, ''),
    logLevel: v.PLAZA_LOG_LEVEL,
    bodyLimit: v.PLAZA_BODY_LIMIT,
    requestTimeoutMs: v.PLAZA_REQUEST_TIMEOUT_MS,
    demo: v.PLAZA_DEMO,
    demoJoin: v.PLAZA_DEMO && v.PLAZA_DEMO_JOIN,
    blobStore: v.PLAZA_BLOB_STORE,
    trustProxy: v.PLAZA_TRUST_PROXY,
    demoMerchant: {
      port: v.PLAZA_DEMO_MERCHANT_PORT,
      deliveryMs: v.PLAZA_DEMO_DELIVERY_MS,
      flavour: v.PLAZA_DEMO_MERCHANT,
    },
    webhookAllowLoopback: v.PLAZA_WEBHOOK_ALLOW_LOOPBACK ?? v.PLAZA_DEMO,
    workers: v.PLAZA_WORKERS,
    jobs: {
      concurrency: v.PLAZA_JOB_CONCURRENCY,
      pollIntervalMs: v.PLAZA_JOB_POLL_MS,
      leaseMs: v.PLAZA_JOB_LEASE_MS,
      drainTimeoutMs: v.PLAZA_JOB_DRAIN_MS,
    },
    messages: {
      perUserPerDay: v.PLAZA_MESSAGE_USER_DAILY_LIMIT,
      perAppPerDay: v.PLAZA_MESSAGE_APP_DAILY_LIMIT,
    },
    reviewBrowser: v.PLAZA_REVIEW_BROWSER === 'none' ? null : v.PLAZA_REVIEW_BROWSER,
  };
}
