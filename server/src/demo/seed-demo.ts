import { demoAccounts, demoAnchorPath, demoAppName, demoOrgName } from './demo-accounts.ts';
import type { DemoMarker } from './demo-marker.ts';
import { demoClips, ffmpegAvailable, renderClip } from './demo-videos.ts';
import { DemoError, demoErrors } from './errors.ts';
import { type PlatformClient, platformClient } from './platform-client.ts';
import { buildTakeout } from './takeout-package.ts';

export interface SeedOptions {
  /** The running platform's base URL. */
  base: string;
  /** The one-time link that creates the first operator (present on a fresh data dir). */
  operatorSetupUrl: string | undefined;
  /** Where the merchant server will listen: the app's request domain and webhook URL. */
  merchantUrl: string;
  log(line: string): void;
}

interface VersionJson {
  id: string;
  status: string;
  checks: { status: 'pending' | 'passed' | 'failed'; report: unknown } | null;
}

/**
 * Seeds the demo through the platform's own HTTP API, as the people in it would: the first
 * operator, a developer with an org and the takeout app (built from `examples/takeout`,
 * uploaded, checked, approved and released), creators with short videos anchored into the
 * app, and a store (POI) carrying the same anchor. The demo user's first sign-in creates it.
 */
export async function seedDemo(options: SeedOptions): Promise<DemoMarker> {
  const { base, merchantUrl, log } = options;
  const anonymous = platformClient(base);

  const operator = await signInOperator(anonymous, options.operatorSetupUrl);
  const developer = await signUpDeveloper(anonymous);
  const { org } = await developer.json<{ org: { id: string } }>('POST', '/api/orgs', { name: demoOrgName });
  const created = await developer.json<{ app: { appid: string }; secret: string; webhook_secret: string }>(
    'POST',
    `/api/orgs/${org.id}/apps`,
    {
      name: demoAppName,
      category: 'food_delivery',
      description:
        '兰州手工拉面、担担面和卤肉饭，30分钟送达 · Hand-pulled noodles and rice bowls, delivered in 30 minutes.',
      request_domains: [merchantUrl],
      webhook_url: `${merchantUrl}/webhooks/plaza`,
      privacy: [],
    },
  );
  const appid = created.app.appid;
  log(`demo: created the app ${appid} (${demoAppName})`);

  await releaseTakeout({ developer, operator, appid, merchantUrl, log });
  // Douyin payment settings too, so the Douyin-style merchant server can run instead.
  const douyin = await developer.json<{ salt: string; callback_token: string }>(
    'PUT',
    `/api/apps/${appid}/douyin/payment-settings`,
    { notify_url: `${merchantUrl}/douyin/callback` },
  );
  const orderTemplateId = await selectOrderTemplate(operator, developer, appid);
  log(`demo: the takeout app sends order updates with template ${orderTemplateId}`);
  // What the shop offers, as the search box finds it: 面, `mian` or 外卖 reach it.
  await developer.json('PUT', `/api/apps/${appid}/search-entries`, {
    keywords: ['面馆', '拉面', '牛肉面', '担担面', '卤肉饭', '饺子', 'noodles'],
    services: [
      { title: '点外卖', path: demoAnchorPath, params: { from: 'search' }, keywords: ['外卖', '送餐'] },
    ],
  });

  const creators: PlatformClient[] = [];
  for (const creator of demoAccounts.creators) {
    const signedIn = await signInUser(anonymous, creator.phone);
    await operator.json('POST', '/api/operator/creators', {
      user_id: signedIn.userId,
      display_name: creator.name,
    });
    creators.push(signedIn.client);
  }
  // The store first: the videos point to it, and its page shows their covers.
  const store = await operator.json<{ poi_id: string }>('POST', '/api/pois', {
    name: 'Plaza面馆（滨江店）Plaza Noodle House (Riverside)',
    address: '上海市徐汇区龙腾大道88号 · 88 Riverside Road, Xuhui District, Shanghai',
    lat: 31.1885,
    lng: 121.4365,
    anchors: [{ appid, title: '点外卖 Order for delivery', path: demoAnchorPath }],
  });
  const { published: videos, covers } = await publishVideos(creators, appid, store.poi_id, log);
  const live = await makeLiveCreator(anonymous, operator);
  // The store's page: hours, average spend, and the dishes' pictures as its photos.
  await operator.json('PATCH', `/api/places/${store.poi_id}`, {
    city: '上海',
    category: '面馆',
    hours: [
      { days: [1, 2, 3, 4, 5], open: '10:30', close: '22:00' },
      { days: [6, 7], open: '10:00', close: '24:00' },
    ],
    avg_price: 3800,
    photos: covers.slice(0, 3),
  });
  // The demo user is not signed in here: a phone may ask for a code once a minute, and the
  // person trying the demo asks for one as their first step.

  return {
    format: 1,
    seededAt: new Date().toISOString(),
    orgId: org.id,
    appid,
    secret: created.secret,
    webhookSecret: created.webhook_secret,
    merchantPort: Number(new URL(merchantUrl).port),
    orderTemplateId,
    videos,
    liveSession: live.token,
    douyin: { salt: douyin.salt, callbackToken: douyin.callback_token },
  };
}

/**
 * The operator's "Order status" template for food delivery, and the takeout app's selection
 * of it: the merchant server tells the user their order is delivered with it.
 */
async function selectOrderTemplate(
  operator: PlatformClient,
  developer: PlatformClient,
  appid: string,
): Promise<string> {
  const library = await operator.json<{ id: string }>('POST', '/api/operator/message-templates', {
    category: 'food_delivery',
    title: 'Order status',
    kind: 'one_time',
    keywords: [
      { name: 'Order', type: 'thing' },
      { name: 'Amount', type: 'amount' },
      { name: 'Status', type: 'thing' },
      { name: 'Order number', type: 'character_string' },
    ],
  });
  const template = await developer.json<{ template_id: string }>(
    'POST',
    `/api/apps/${appid}/message-templates`,
    {
      library_id: library.id,
      kid_list: [1, 2, 3, 4],
    },
  );
  return template.template_id;
}

/** Signs the live creator in and makes them a creator (again: it is an upsert); their session. */
export async function makeLiveCreator(anonymous: PlatformClient, operator: PlatformClient) {
  const { phone, name } = demoAccounts.liveCreator;
  const signedIn = await signInUser(anonymous, phone);
  await operator.json('POST', '/api/operator/creators', { user_id: signedIn.userId, display_name: name });
  return signedIn;
}

export async function signInOperator(
  anonymous: PlatformClient,
  setupUrl: string | undefined,
): Promise<PlatformClient> {
  const { email, name, password } = demoAccounts.operator;
  const token = setupUrl ? new URL(setupUrl).searchParams.get('token') : null;
  if (token) await anonymous.json('POST', '/api/setup/operator', { token, email, name, password });
  const session = await anonymous.json<{ token: string }>('POST', '/api/sessions', { email, password });
  return anonymous.as(session.token);
}

async function signUpDeveloper(anonymous: PlatformClient): Promise<PlatformClient> {
  const { email, name, password } = demoAccounts.developer;
  try {
    await anonymous.json('POST', '/api/accounts', { email, name, password });
  } catch (error) {
    // A seed cut off half-way left the account: sign in to it below.
    if (!(error instanceof DemoError && / 409:/.test(error.message))) throw error;
  }
  const session = await anonymous.json<{ token: string }>('POST', '/api/sessions', { email, password });
  return anonymous.as(session.token);
}

/** Phone sign-in as the super app does it, reading the code from the demo-mode inbox. */
export async function signInUser(
  anonymous: PlatformClient,
  phone: string,
): Promise<{ userId: string; token: string; client: PlatformClient }> {
  await anonymous.json('POST', '/api/users/otp', { phone });
  const inbox = await anonymous.json<{ messages: Array<{ code: string }> }>(
    'GET',
    `/api/dev/inbox?phone=${encodeURIComponent(phone)}`,
  );
  const code = inbox.messages[0]?.code;
  if (!code) throw demoErrors.NO_INBOX_CODE(phone);
  const session = await anonymous.json<{ token: string; user: { id: string } }>(
    'POST',
    '/api/users/sessions',
    {
      phone,
      code,
    },
  );
  return { userId: session.user.id, token: session.token, client: anonymous.as(session.token) };
}

async function releaseTakeout(o: {
  developer: PlatformClient;
  operator: PlatformClient;
  appid: string;
  merchantUrl: string;
  log(line: string): void;
}): Promise<void> {
  const archive = await buildTakeout(o.merchantUrl);
  const app = `/api/apps/${o.appid}`;
  const { version } = await o.developer.send<{ version: VersionJson }>(
    'POST',
    `${app}/versions?version=1.0.0&description=${encodeURIComponent('First release')}`,
    new Uint8Array(archive),
    'application/gzip',
  );
  await o.developer.json('POST', `${app}/versions/${version.id}/submit`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { version: now } = await o.developer.json<{ version: VersionJson }>(
      'GET',
      `${app}/versions/${version.id}`,
    );
    if (now.checks?.status === 'passed') break;
    if (now.checks?.status === 'failed') throw demoErrors.CHECKS_FAILED(JSON.stringify(now.checks.report));
    if (Date.now() > deadline) throw demoErrors.CHECKS_TIMED_OUT();
    await new Promise((r) => setTimeout(r, 250));
  }
  await o.operator.json('POST', `/api/review/versions/${version.id}/approve`);
  await o.developer.json('POST', `${app}/release`, { version_id: version.id, percentage: 100 });
  o.log('demo: takeout 1.0.0 built, checked, approved and released');
}

async function publishVideos(
  creators: PlatformClient[],
  appid: string,
  poiId: string,
  log: (line: string) => void,
): Promise<{ published: number; covers: string[] }> {
  if (!(await ffmpegAvailable())) {
    log(
      'demo: ffmpeg is not installed, so the demo has no videos (install Debian\'s "ffmpeg" and start on a fresh data dir to get them)',
    );
    return { published: 0, covers: [] };
  }
  let published = 0;
  const covers: string[] = [];
  for (const clip of demoClips) {
    const { video, cover } = await renderClip(clip);
    const form = new FormData();
    form.set('caption', clip.caption);
    form.set('anchor', JSON.stringify({ appid, title: clip.anchorTitle, path: demoAnchorPath }));
    form.set('poi_id', poiId);
    form.set('video', new Blob([new Uint8Array(video)], { type: 'video/mp4' }), 'clip.mp4');
    form.set('cover', new Blob([new Uint8Array(cover)], { type: 'image/jpeg' }), 'cover.jpg');
    const creator = creators[clip.creator % creators.length];
    if (!creator) break;
    const posted = await creator.send<{ cover_url: string }>('POST', '/api/videos', form);
    covers.push(posted.cover_url);
    published++;
  }
  log(`demo: published ${published} videos anchored into the takeout app`);
  return { published, covers };
}
