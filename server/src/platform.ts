import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Migrator } from 'kysely';
import { buildApp } from './app.ts';
import {
  type BlobStore,
  blobMigrations,
  createDatabaseBlobStore,
  createFileBlobStore,
} from './blobs/index.ts';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './db/clock.ts';
import { type Db, type Engine, openDatabase, pingDatabase } from './db/database.ts';
import {
  createMigrator,
  currentSchema,
  type MigrationSet,
  migrateToLatest,
  migrationsCurrent,
} from './db/migrator.ts';
import type { AccountPrincipal, Authenticator } from './http/access.ts';
import { idempotencyMigrations } from './idempotency/index.ts';
import { createJobQueue, type JobQueue, jobMigrations } from './jobs/index.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import {
  type AppsService,
  appsMigrations,
  appsPlugin,
  clientTokenAuthenticator,
  createAppsService,
  industryCategories,
} from './modules/apps/index.ts';
import {
  type ConsentService,
  consentMigrations,
  consentPersonalData,
  consentPlugin,
  createConsentService,
  defaultProfiles,
} from './modules/consent/index.ts';
import {
  type ContentService,
  contentMigrations,
  contentPersonalData,
  contentPlugin,
  createContentService,
} from './modules/content/index.ts';
import {
  type CustomerServiceService,
  createCustomerServiceService,
  customerServiceMigrations,
  customerServicePersonalData,
  customerServicePlugin,
  type SupportFeed,
  supportFeedFor,
} from './modules/customer-service/index.ts';
import {
  createDataRightsService,
  type DataRightsService,
  dataRightsMigrations,
  dataRightsPlugin,
} from './modules/data-rights/index.ts';
import {
  createDouyinCompatService,
  type DouyinCompatService,
  douyinCompatMigrations,
  douyinCompatPlugin,
  pendingRefunds,
  preCreateRefundGate,
  tradeKeySource,
  withEcpayCallbacks,
  withTradeCallbacks,
} from './modules/douyin-compat/index.ts';
import {
  createFunnelService,
  type FunnelService,
  funnelMigrations,
  funnelPersonalData,
  funnelPlugin,
} from './modules/funnel/index.ts';
import { healthPlugin } from './modules/health/index.ts';
import {
  createDevOtpSender,
  createIdentityService,
  type IdentityService,
  identityAuthenticators,
  identityMigrations,
  identityPersonalData,
  identityPlugin,
  type OperatorSetup,
} from './modules/identity/index.ts';
import {
  createIndustriesService,
  defaultIndustriesOptions,
  type IndustriesService,
  industriesMigrations,
  industriesPlugin,
} from './modules/industries/index.ts';
import { createLedgerService, type LedgerService, ledgerMigrations } from './modules/ledger/index.ts';
import {
  createLiveService,
  type LiveService,
  liveMigrations,
  livePlugin,
  type RoomFeed,
  roomFeedFor,
} from './modules/live/index.ts';
import {
  createLoginService,
  type LoginService,
  loginMigrations,
  loginPersonalData,
  loginPlugin,
} from './modules/login/index.ts';
import {
  createMessagesService,
  type InboxFeed,
  inboxFeedFor,
  type MessagesService,
  messagesMigrations,
  messagesPersonalData,
  messagesPlugin,
} from './modules/messages/index.ts';
import { operationsPlugin } from './modules/operations/index.ts';
import {
  createPaymentsService,
  type PaymentsService,
  paymentMigrations,
  paymentsPersonalData,
  paymentsPlugin,
  sandboxChannel,
} from './modules/payments/index.ts';
import {
  createPlacesService,
  type PlacesService,
  placesMigrations,
  placesPlugin,
} from './modules/places/index.ts';
import {
  createRecommendationService,
  type RecommendationService,
  recommendationMigrations,
  recommendationPersonalData,
  recommendationPlugin,
} from './modules/recommendation/index.ts';
import {
  createRuntimeErrorsService,
  type RuntimeErrorsService,
  runtimeErrorMigrations,
  runtimeErrorsPlugin,
} from './modules/runtime-errors/index.ts';
import {
  createSearchService,
  indexAppChanges,
  indexContentChanges,
  type SearchService,
  searchMigrations,
  searchPersonalData,
  searchPlugin,
} from './modules/search/index.ts';
import { superAppPlugin } from './modules/super-app/index.ts';
import {
  chromiumPagePainter,
  createVersionsService,
  packageLimitsFromEnv,
  processPageChecker,
  type VersionsService,
  versionsMigrations,
  versionsPlugin,
} from './modules/versions/index.ts';
import {
  createWebhooksService,
  type WebhooksService,
  webhookMigrations,
  webhooksPlugin,
  webhookUrlProblem,
} from './modules/webhooks/index.ts';
import { wechatCompatPlugin } from './modules/wechat-compat/index.ts';

export interface PlatformOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** The built super app to serve; `web/dist` unless a test brings its own. */
  superAppRoot?: string;
}

/**
 * The composition root: opens the database, applies migrations, builds every
 * capability's service, mounts their plugins and starts the background workers.
 */
export interface Platform {
  config: Config;
  app: FastifyInstance;
  db: Db;
  engine: Engine;
  migrator: Migrator;
  clock: Clock;
  log: Logger;
  /** Packages, videos and covers, addressed by content. */
  blobs: BlobStore;
  /** The durable jobs/outbox: modules register their job types and enqueue in their transactions. */
  jobs: JobQueue;
  /** People and orgs: accounts, operators, orgs and roles, end users; other modules authorise through it. */
  identity: IdentityService;
  /** The double-entry ledger behind guaranteed payment (escrow, settlement, refunds). */
  ledger: LedgerService;
  /** Apps of orgs: profiles, secrets, client tokens, webhook signing secrets, audit log. */
  apps: AppsService;
  /** One-tap login: codes, code2session, pairwise openid/unionid and their reverse lookup. */
  login: LoginService;
  /** Signed callbacks to merchants' servers: `enqueueEvent(trx, …)` in the state change's transaction. */
  webhooks: WebhooksService;
  /** Consent per app and scope: the host's sheet, profile, phone codes, location; the user's authorizations. */
  consent: ConsentService;
  /** The user's export and account erasure, over every module's `PersonalDataContributor`. */
  dataRights: DataRightsService;
  /** Versions of apps: upload, automated checks, review, grey release, rollback, the runtime package. */
  versions: VersionsService;
  /** Per-app funnel of the closed loop; modules record steps in their own transactions. */
  funnel: FunnelService;
  /** Script errors users' containers report, grouped by message and the author's file and line. */
  runtimeErrors: RuntimeErrorsService;
  /** Videos, anchors, POIs and the feed. */
  content: ContentService;
  /** POI pages (hours, price, photos, services), merchants' claims and the supplier sync. */
  places: PlacesService;
  /** Search over apps, services, POIs, videos and creators, in Chinese, pinyin and English. */
  search: SearchService;
  /** Guaranteed payment: orders in escrow, refunds, settlement with commission and splits, statements. */
  payments: PaymentsService;
  /** Douyin's server routes (login, tokens, guaranteed payment) on Plaza's own services. */
  douyin: DouyinCompatService;
  /** Industries and qualifications: the category tree, orgs' licences and their review, apps' categories and capabilities. */
  industries: IndustriesService;
  /** Subscription messages: templates, consent per template, sending through the outbox, the service inbox. */
  messages: MessagesService;
  /** Live rooms: HLS pushed over HTTP, viewers' events across processes, pinned cards, replays. */
  live: LiveService;
  /** Customer service: chats between users and merchants, the agent inbox, the reply window, reports. */
  support: CustomerServiceService;
  /** When the platform started without an operator: the one-time link that creates the first one (also logged). */
  operatorSetup: OperatorSetup | undefined;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /** Drains in-flight requests and workers, then closes the database. */
  close(): Promise<void>;
}

/** Every module's migrations, in one list the migrator orders by name. */
export const migrationSets: MigrationSet[] = [
  idempotencyMigrations,
  jobMigrations,
  blobMigrations,
  identityMigrations,
  ledgerMigrations,
  appsMigrations,
  loginMigrations,
  webhookMigrations,
  consentMigrations,
  dataRightsMigrations,
  versionsMigrations,
  funnelMigrations,
  paymentMigrations,
  contentMigrations,
  douyinCompatMigrations,
  messagesMigrations,
  searchMigrations,
  placesMigrations,
  liveMigrations,
  customerServiceMigrations,
  recommendationMigrations,
  runtimeErrorMigrations,
  industriesMigrations,
];

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? createLogger(config.logLevel);
  const { db, engine } = openDatabase(config.database);
  const migrator = createMigrator(
    db,
    migrationSets,
    engine === 'postgres' ? await currentSchema(db) : undefined,
  );
  await migrateToLatest(migrator);
  const jobs = createJobQueue({ db, engine, clock, log: log.child({ area: 'jobs' }), workers: config.jobs });

  // In the database on PostgreSQL by default, so every process serves what any one stored.
  const blobs =
    (config.blobStore ?? (engine === 'postgres' ? 'database' : 'file')) === 'database'
      ? createDatabaseBlobStore(db, clock)
      : createFileBlobStore(join(config.dataDir, 'blobs'));
  const otpSender = createDevOtpSender(log.child({ area: 'identity' }), clock);
  const identity = createIdentityService({ db, clock, log, publicUrl: config.publicUrl, otpSender });
  const operatorSetup = await identity.prepareOperatorSetup();
  const ledger = createLedgerService({ db, engine, clock });
  const webhookTargets = { allowLoopback: config.webhookAllowLoopback };
  // Demo mode lets the demo's merchant server on this machine be a request domain.
  const apps = createAppsService({
    db,
    clock,
    orgs: identity,
    requestDomainRules: { allowLoopbackHttp: config.demo },
    webhookUrlProblem: (url) => webhookUrlProblem(url, webhookTargets),
  });
  const funnel = createFunnelService(db);
  const runtimeErrors = createRuntimeErrorsService({
    db,
    clock,
    appExists: async (appid) => (await apps.findByAppid(appid)) !== undefined,
  });
  const login = createLoginService({ db, clock, apps, funnel });
  const webhooks = createWebhooksService({ db, clock, jobs, apps, targets: webhookTargets });
  // What an app may use follows its categories and its org's licences; the profile
  // industries stay nodes of the tree.
  const industries = createIndustriesService({
    db,
    clock,
    blobs,
    jobs,
    apps,
    orgs: identity,
    webhooks,
    profileIndustries: industryCategories.map((c) => c.id),
  });
  await industries.qualifications.scheduleSweep();
  const consent = createConsentService({
    db,
    clock,
    apps,
    users: identity,
    profiles: defaultProfiles(identity),
  });
  // Every module holding personal data contributes to the export and the erasure.
  const dataRights = createDataRightsService({
    db,
    clock,
    login,
    webhooks,
    contributors: [
      identityPersonalData(db, clock),
      loginPersonalData(db, apps),
      consentPersonalData(db),
      funnelPersonalData(db),
      contentPersonalData(db),
      paymentsPersonalData(db),
      messagesPersonalData(db),
      searchPersonalData(db),
      customerServicePersonalData(db, blobs),
      recommendationPersonalData(db),
    ],
  });
  const versions = createVersionsService({
    db,
    engine,
    clock,
    blobs,
    jobs,
    apps,
    limits: packageLimitsFromEnv(process.env),
    pageChecker: processPageChecker(),
    ...(config.reviewBrowser && existsSync(config.reviewBrowser)
      ? { pagePainter: chromiumPagePainter(config.reviewBrowser) }
      : {}),
  });
  // Anchors may open only apps that are active and have a released version.
  const recommendation: RecommendationService = createRecommendationService({ db, clock });
  const content = createContentService({
    db,
    clock,
    blobs,
    funnel,
    ranker: recommendation,
    apps: { mountable: (ids) => versions.mountable(ids) },
  });
  // Open inboxes hear of deliveries made by any process on the same database.
  const inboxFeed: InboxFeed = inboxFeedFor(config.database, db, {
    now: () => clock.now(),
    onError: (error) => log.error({ err: error }, 'inbox feed'),
  });
  await inboxFeed.start();
  const messages = createMessagesService({
    db,
    engine,
    clock,
    apps,
    login,
    webhooks,
    jobs,
    feed: inboxFeed,
    industries: industries.apps,
    limits: config.messages,
  });
  // Room events reach viewers of every process the way inbox deliveries do.
  const liveFeed: RoomFeed = roomFeedFor(config.database, db, {
    now: () => clock.now(),
    onError: (error) => log.error({ err: error }, 'live feed'),
  });
  await liveFeed.start();
  const live = createLiveService({
    db,
    clock,
    blobs,
    feed: liveFeed,
    funnel,
    requireLiveMounting: async (appid) => {
      // An unknown app was refused by the anchor rules before this is asked.
      const app = await apps.findByAppid(appid);
      if (app) await industries.apps.requireCapability(app.id, 'live_mounting');
    },
    content: {
      creatorName: (userId) => content.creatorName(userId),
      requireAnchorBy: (creatorId, anchor) => content.requireAnchorBy(creatorId, anchor),
      mountable: (appids) => versions.mountable(appids),
    },
  });
  // A paid order is credited to the message the user opened before it (the funnel's last step).
  const paymentsFunnel: Pick<FunnelService, 'record'> = {
    async record(executor, step) {
      await funnel.record(executor, step);
      if (step.step === 'paid' && step.userId) {
        await messages.inbox.attributeOrder(executor, {
          appid: step.appid,
          userId: step.userId,
          at: step.at,
        });
      }
    },
  };
  // Search indexes what apps and content change, in the request that changes it; a result
  // opens an app only while that app is mountable, asked on every search.
  const search = createSearchService({
    db,
    engine,
    clock,
    visibleApps: async (appids) => new Set((await versions.mountable(appids)).keys()),
    appProfile: (appid) => apps.findByAppid(appid),
    appSignals: async (appid) => {
      const today = new Date(clock.now()).toISOString().slice(0, 10);
      const monthAgo = new Date(clock.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const days = await funnel.daily(appid, monthAgo, today);
      return {
        opens: days.reduce((n, d) => n + d.steps.app_open, 0),
        orders: days.reduce((n, d) => n + d.steps.paid, 0),
      };
    },
  });
  indexContentChanges(content, search, () => clock.now());
  const places = createPlacesService({
    db,
    clock,
    pois: content,
    requireOrgMember: async (accountId, orgId) => {
      await identity.requireOrgRole(accountId, orgId, 'developer');
    },
    appOf: async (appId) => {
      const app = await apps.get(appId);
      return app && app.status === 'active' ? { appid: app.appid, orgId: app.orgId } : null;
    },
    requirePoiServices: (appId) => industries.apps.requireCapability(appId, 'poi_services'),
  });
  indexAppChanges(apps, search);
  // Orders made with Douyin's ecpay or tt.requestOrder also call back in Douyin's forms,
  // signed with Plaza's trade key; a user's refund of a tt.requestOrder order asks the
  // merchant first (pre_create_refund).
  const tradeKey = tradeKeySource(db, clock);
  const allowedRefunds = pendingRefunds();
  // The sandbox channel until a real provider is configured: no money leaves the platform.
  const payments = createPaymentsService({
    db,
    engine,
    clock,
    ledger,
    apps,
    login,
    webhooks: withTradeCallbacks({
      db,
      clock,
      webhooks: withEcpayCallbacks({ db, clock, webhooks }),
      tradeKey,
      pendingRefunds: allowedRefunds,
    }),
    refundRequests: preCreateRefundGate({
      db,
      clock,
      login,
      webhooks,
      tradeKey,
      pendingRefunds: allowedRefunds,
    }),
    jobs,
    funnel: paymentsFunnel,
    // Orders and refunds count in the merchant's service record, which decides its items' growth.
    merchantRecord: {
      record: (trx, e) =>
        recommendation.serviceRecorded(trx, { appid: e.appid, kind: e.kind, userId: e.userId }),
    },
    channel: sandboxChannel(),
    industries: industries.apps,
  });
  // Chats reach open chat screens and agent inboxes of every process, like the inbox.
  const supportFeed: SupportFeed = supportFeedFor(config.database, db, {
    now: () => clock.now(),
    onError: (error) => log.error({ err: error }, 'support feed'),
  });
  await supportFeed.start();
  const support = createCustomerServiceService({
    db,
    clock,
    complaints: {
      filed: (e) =>
        recommendation.serviceRecorded(db, { appid: e.appid, kind: 'complaint', userId: e.userId }),
    },
    blobs,
    apps,
    login,
    webhooks,
    feed: supportFeed,
    // The orders beside a chat: the user's with this app, newest first.
    ordersOf: async (appId, userId) =>
      (await payments.orders.list({ userId }, { limit: 100 })).items
        .filter((o) => o.appId === appId)
        .map((o) => ({
          orderId: o.id,
          outOrderNo: o.outOrderNo,
          subject: o.subject,
          totalAmount: o.totalAmount,
          currency: o.currency,
          status: o.status,
          createdAt: o.createdAt,
        })),
  });
  const douyin = createDouyinCompatService({ db, clock, apps, login, payments, tradeKey });
  const authenticators: Authenticator[] = [
    ...identityAuthenticators(identity),
    clientTokenAuthenticator(apps),
  ];
  const app = await buildApp({
    logger: log,
    bodyLimit: config.bodyLimit,
    requestTimeoutMs: config.requestTimeoutMs,
    publicUrl: config.publicUrl,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    authenticators,
    idempotency: { db, clock },
    modules: async (app) => {
      await app.register(identityPlugin, {
        identity,
        secureCookies: config.publicUrl.startsWith('https:'),
        ...(config.demo ? { devInbox: otpSender } : {}),
      });
      await app.register(appsPlugin, {
        apps,
        clock,
        commissionRates: async () =>
          new Map((await industries.categories.tree()).map((c) => [c.id, c.commissionBps])),
      });
      await app.register(industriesPlugin, {
        industries,
        blobs,
        scanBytes: defaultIndustriesOptions.scanBytes,
      });
      await app.register(loginPlugin, { login });
      await app.register(webhooksPlugin, { webhooks });
      await app.register(consentPlugin, { consent });
      await app.register(dataRightsPlugin, { dataRights });
      await app.register(versionsPlugin, { versions, blobs });
      await app.register(operationsPlugin, { jobs });
      await app.register(paymentsPlugin, { payments, apps });
      await app.register(douyinCompatPlugin, { douyin, login, apps, messages });
      await app.register(wechatCompatPlugin, { login, apps, messages, publicUrl: config.publicUrl });
      await app.register(messagesPlugin, { messages });
      await app.register(customerServicePlugin, { support, blobs });
      // A member of the app's org (any role) or an operator reads its figures.
      const authorizeAppReader = async ({ accountId, operator }: AccountPrincipal, appid: string) => {
        await apps.requireRole({ accountId, operator }, appid, 'viewer');
      };
      await app.register(contentPlugin, {
        content,
        blobs,
        maxUploadBytes: 64 * 1024 * 1024,
        authorizeAppEditor: async ({ accountId, operator }, appid) => {
          await apps.requireRole({ accountId, operator }, appid, 'developer');
        },
        authorizeAppReader,
        authorizeOrgEditor: async ({ accountId }, orgId) => {
          await identity.requireOrgRole(accountId, orgId, 'developer');
        },
        authorizeOrgReader: async ({ accountId }, orgId) => {
          await identity.requireOrgRole(accountId, orgId, 'viewer');
        },
      });
      await app.register(placesPlugin, { places });
      await app.register(livePlugin, { live, blobs });
      await app.register(recommendationPlugin, { recommendation });
      await app.register(searchPlugin, {
        search,
        authorizeAppEditor: async ({ accountId, operator }, appid) => {
          await apps.requireRole({ accountId, operator }, appid, 'developer');
        },
      });
      await app.register(funnelPlugin, { funnel, authorizeAppReader });
      await app.register(runtimeErrorsPlugin, { errors: runtimeErrors, authorizeAppReader });
      await app.register(healthPlugin, {
        probe: {
          ready: async () => {
            await pingDatabase(db);
            if (!(await migrationsCurrent(db, migrationSets))) throw new Error('migrations pending');
            return { database: 'ok', migrations: 'current' };
          },
        },
      });
      // Last: the super app's catch-all page route must not shadow any API route.
      await app.register(superAppPlugin, options.superAppRoot ? { root: options.superAppRoot } : {});
    },
  });

  // Modules have registered their job types while mounting; only now may workers claim.
  if (config.workers) jobs.workers.start();

  let closed = false;
  return {
    config,
    app,
    db,
    engine,
    migrator,
    clock,
    log,
    blobs,
    jobs,
    identity,
    ledger,
    apps,
    login,
    webhooks,
    consent,
    dataRights,
    versions,
    funnel,
    runtimeErrors,
    industries,
    content,
    search,
    places,
    payments,
    douyin,
    messages,
    live,
    support,
    operatorSetup,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      // Requests are drained first since they may still enqueue; then in-flight jobs
      // finish or give their leases back, and only then does the database close.
      await jobs.workers.stop();
      await inboxFeed.stop();
      await liveFeed.stop();
      await supportFeed.stop();
      await db.destroy();
    },
  };
}
