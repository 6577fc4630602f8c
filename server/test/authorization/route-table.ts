import { generateKeyPairSync } from 'node:crypto';
import { uniquePhone } from '../../src/modules/identity/testing.ts';
import { tsBytes } from '../../src/modules/live/testing.ts';
import { audience, type Cells, everyone, merchantOwn, orgConsole, userOwn } from './expectations.ts';
import { type MatrixWorld, matrixMedia } from './matrix-world.ts';
import type { Who } from './principals.ts';

/** One call of the matrix: the URL with A's objects in it, and a minimal valid body. */
export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** A raw body (uploads) with its content type. */
  payload?: { data: Buffer; contentType: string };
}

export interface MatrixRow {
  /** `METHOD /pattern`, as the route was registered. */
  route: string;
  expect: Cells;
  request(w: MatrixWorld, who: Who): MatrixRequest | Promise<MatrixRequest>;
  /**
   * Changes what other rows rely on: `late` rows (rotations, takedown, revocations) run
   * after the rest, `final` rows (sign-outs) after those.
   */
  phase?: 'late' | 'final';
}

const signedOut = { status: 401, code: 'HTTP_INVALID_CREDENTIALS' };

/** An app's trade-system public key, as a merchant registers it. */
const matrixTradeKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).publicKey;

let unique = 0;
const fresh = (prefix: string) => `${prefix}${process.pid}x${++unique}`;

/** A multipart form as the platform receives it, encoded by the standard FormData. */
async function multipart(fields: Record<string, string | { data: Buffer; filename: string; type: string }>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.data)], { type: value.type }), value.filename);
  }
  const encoded = new Response(form);
  return {
    data: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') as string,
  };
}

const app = (w: MatrixWorld) => `/api/apps/${w.appA.appid}`;
const org = (w: MatrixWorld) => `/api/orgs/${w.org}`;
const order = (w: MatrixWorld) => `/api/payments/orders/${w.orders.paid.order_id}`;
const rt = (w: MatrixWorld) => `/api/runtime/apps/${w.appA.appid}`;
const room = (w: MatrixWorld) => `/api/live/rooms/${w.live.roomId}`;
const get = (url: (w: MatrixWorld) => string) => (w: MatrixWorld) => ({ url: url(w) });

/**
 * Every route of the platform with what each principal gets. A route the platform serves
 * without a row here (or a row for a route it no longer serves) fails the matrix test.
 */
export const routeTable: MatrixRow[] = [
  // Infrastructure and public pages.
  { route: 'GET /openapi.json', expect: everyone(), request: get(() => '/openapi.json') },
  { route: 'GET /healthz', expect: everyone(), request: get(() => '/healthz') },
  { route: 'GET /readyz', expect: everyone(), request: get(() => '/readyz') },
  // The super app's pages: served, or a 503 page when the web app is not built here.
  { route: 'GET /*', expect: everyone('pass'), request: get(() => '/some/page') },
  { route: 'GET /api/app-categories', expect: everyone(), request: get(() => '/api/app-categories') },

  // Identity: developers' accounts and sessions.
  {
    route: 'POST /api/setup/operator',
    // The setup link was used by the first operator: the token is refused, for everyone alike.
    expect: everyone({ status: 403, code: 'IDENTITY_SETUP_TOKEN_INVALID' }),
    request: () => ({
      url: '/api/setup/operator',
      body: {
        token: 'x'.repeat(43),
        email: `${fresh('op')}@example.com`,
        name: 'Op',
        password: 'correct horse battery',
      },
    }),
  },
  {
    route: 'POST /api/accounts',
    expect: everyone(),
    request: () => ({
      url: '/api/accounts',
      body: { email: `${fresh('acct')}@example.com`, name: 'New', password: 'correct horse battery' },
    }),
  },
  {
    route: 'POST /api/sessions',
    expect: everyone(),
    request: (w) => ({
      url: '/api/sessions',
      body: { email: w.ownerEmail, password: 'correct horse battery' },
    }),
  },
  { route: 'GET /api/me/account', expect: audience('developer'), request: get(() => '/api/me/account') },

  // Orgs and members.
  {
    route: 'POST /api/orgs',
    expect: audience('developer'),
    request: () => ({ url: '/api/orgs', body: { name: 'Another' } }),
  },
  { route: 'GET /api/orgs', expect: audience('developer'), request: get(() => '/api/orgs') },
  {
    route: 'GET /api/orgs/:orgId',
    expect: { ...orgConsole('viewer'), operator: 404 },
    request: get(org),
  },
  {
    route: 'POST /api/orgs/:orgId/members',
    expect: orgConsole('admin'),
    request: (w) => ({
      url: `${org(w)}/members`,
      body: { email: `${fresh('m')}@example.com`, role: 'viewer' },
    }),
  },
  {
    route: 'PATCH /api/orgs/:orgId/members/:accountId',
    expect: orgConsole('admin'),
    request: (w) => ({ url: `${org(w)}/members/${w.spares.owner}`, body: { role: 'developer' } }),
  },
  {
    route: 'DELETE /api/orgs/:orgId/members/:accountId',
    expect: orgConsole('admin'),
    request: (w, who) => ({ url: `${org(w)}/members/${who === 'admin' ? w.spares.admin : w.spares.owner}` }),
  },
  {
    route: 'DELETE /api/orgs/:orgId/invitations/:email',
    expect: orgConsole('admin'),
    request: (w, who) => ({
      url: `${org(w)}/invitations/${encodeURIComponent(who === 'admin' ? w.invitations.admin : w.invitations.owner)}`,
    }),
  },

  // Apps in the console.
  {
    route: 'POST /api/orgs/:orgId/apps',
    expect: orgConsole('developer'),
    request: (w) => ({ url: `${org(w)}/apps`, body: { name: 'Side app', category: 'food_delivery' } }),
  },
  // Operators list any org's apps (review, support), as they read any app.
  { route: 'GET /api/orgs/:orgId/apps', expect: orgConsole('viewer'), request: get((w) => `${org(w)}/apps`) },
  { route: 'GET /api/apps/:appid', expect: orgConsole('viewer'), request: get(app) },
  {
    route: 'PATCH /api/apps/:appid',
    expect: orgConsole('developer'),
    request: (w) => ({ url: app(w), body: { description: 'Hot noodles' } }),
  },
  {
    route: 'GET /api/apps/:appid/audit',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/audit`),
  },
  {
    route: 'GET /api/apps/:appid/webhook-secret',
    expect: orgConsole('developer'),
    request: get((w) => `${app(w)}/webhook-secret`),
  },
  {
    route: 'POST /api/apps/:appid/secret/rotate',
    expect: orgConsole('admin'),
    request: (w) => ({ url: `${app(w)}/secret/rotate`, body: { grace_seconds: 3600 } }),
    phase: 'late',
  },
  {
    route: 'POST /api/apps/:appid/webhook-secret/rotate',
    expect: orgConsole('admin'),
    request: get((w) => `${app(w)}/webhook-secret/rotate`),
    phase: 'late',
  },
  {
    route: 'POST /api/apps/:appid/takedown',
    expect: audience('operator'),
    request: (w) => ({ url: `${app(w)}/takedown`, body: { reason: 'Matrix check' } }),
    phase: 'late',
  },
  {
    // Right after the takedown: app A's own token has stopped working, as documented.
    route: 'POST /api/apps/:appid/reinstate',
    expect: { ...audience('operator'), appToken: signedOut },
    request: get((w) => `${app(w)}/reinstate`),
    phase: 'late',
  },
  {
    route: 'GET /api/apps/:appid/funnel',
    expect: { ...orgConsole('viewer'), operator: 'ok' },
    request: get((w) => `${app(w)}/funnel?from=2026-01-01&to=2026-01-31`),
  },

  // Webhook deliveries.
  {
    route: 'GET /api/apps/:appid/webhooks/deliveries',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/webhooks/deliveries`),
  },
  {
    route: 'GET /api/apps/:appid/webhooks/deliveries/:id',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/webhooks/deliveries/${w.deliveryId}`),
  },
  {
    route: 'POST /api/apps/:appid/webhooks/deliveries/:id/redeliver',
    expect: orgConsole('developer'),
    request: get((w) => `${app(w)}/webhooks/deliveries/${w.deliveryId}/redeliver`),
  },

  // Payments in the developer console: the app's orders for its org's members.
  {
    route: 'GET /api/apps/:appid/orders',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/orders?status=paid`),
  },
  {
    route: 'GET /api/apps/:appid/orders/:id',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/orders/${w.orders.paid.order_id}`),
  },
  {
    route: 'POST /api/apps/:appid/orders/:id/refunds',
    expect: orgConsole('developer'),
    request: (w) => ({
      url: `${app(w)}/orders/${w.orders.paid.order_id}/refunds`,
      body: { out_refund_no: fresh('C'), amount: 10 },
    }),
  },
  {
    route: 'GET /api/apps/:appid/receivers',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/receivers`),
  },
  {
    route: 'POST /api/apps/:appid/receivers',
    expect: orgConsole('admin'),
    request: (w) => ({
      url: `${app(w)}/receivers`,
      body: { name: 'Rider pool', out_receiver_no: fresh('R') },
    }),
  },
  {
    route: 'GET /api/apps/:appid/balances',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/balances`),
  },
  {
    route: 'GET /api/apps/:appid/statements',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/statements?from=2020-01-01&to=2100-01-01&format=csv`),
  },

  // Versions: developers of the org and the app's own CI token.
  {
    route: 'POST /api/apps/:appid/versions',
    expect: orgConsole('developer', { admitApp: true }),
    request: (w) => ({
      url: `${app(w)}/versions?version=${w.nextVersion()}`,
      payload: { data: w.archive, contentType: 'application/gzip' },
    }),
  },
  {
    route: 'GET /api/apps/:appid/versions',
    expect: orgConsole('viewer', { admitApp: true }),
    request: get((w) => `${app(w)}/versions`),
  },
  {
    route: 'GET /api/apps/:appid/versions/:versionId',
    expect: orgConsole('viewer', { admitApp: true }),
    request: get((w) => `${app(w)}/versions/${w.versions.released}`),
  },
  {
    // The matrix's versions were checked without a browser: no picture exists, past authorisation.
    route: 'GET /api/apps/:appid/versions/:versionId/screenshots/:sha256',
    expect: orgConsole('viewer', {
      admitApp: true,
      allowed: { status: 404, code: 'VERSION_SCREENSHOT_NOT_FOUND' },
    }),
    request: get((w) => `${app(w)}/versions/${w.versions.released}/screenshots/${'a'.repeat(64)}`),
  },
  {
    // Only the first allowed caller finds the version still uploaded; the rest are told its status.
    route: 'POST /api/apps/:appid/versions/:versionId/submit',
    expect: orgConsole('developer', { admitApp: true, allowed: 'pass' }),
    request: get((w) => `${app(w)}/versions/${w.versions.uploaded}/submit`),
  },
  {
    route: 'GET /api/apps/:appid/release',
    expect: orgConsole('viewer', { admitApp: true }),
    request: get((w) => `${app(w)}/release`),
  },
  {
    route: 'POST /api/apps/:appid/release',
    expect: orgConsole('developer', { admitApp: true, allowed: 'pass' }),
    request: (w) => ({
      url: `${app(w)}/release`,
      body: { version_id: w.versions.released, percentage: 100 },
    }),
  },
  {
    // There is no earlier full release to go back to: a domain refusal, past authorisation.
    route: 'POST /api/apps/:appid/release/rollback',
    expect: orgConsole('developer', { admitApp: true, allowed: 'pass' }),
    request: get((w) => `${app(w)}/release/rollback`),
  },
  // Operations: the dead jobs (the matrix's ids name none: past authorisation, not found).
  { route: 'GET /api/operator/jobs', expect: audience('operator'), request: get(() => '/api/operator/jobs') },
  {
    route: 'POST /api/operator/jobs/:id/retry',
    expect: { ...audience('operator'), operator: { status: 404, code: 'JOB_NOT_FOUND' } },
    request: get(() => '/api/operator/jobs/job_none/retry'),
  },
  {
    route: 'DELETE /api/operator/jobs/:id',
    expect: { ...audience('operator'), operator: { status: 404, code: 'JOB_NOT_FOUND' } },
    request: get(() => '/api/operator/jobs/job_none'),
  },
  {
    route: 'GET /api/review/versions',
    expect: audience('operator'),
    request: get(() => '/api/review/versions'),
  },
  {
    route: 'POST /api/review/versions/:versionId/approve',
    expect: audience('operator'),
    request: get((w) => `/api/review/versions/${w.versions.inReview[0]}/approve`),
  },
  {
    route: 'POST /api/review/versions/:versionId/reject',
    expect: audience('operator'),
    request: (w) => ({
      url: `/api/review/versions/${w.versions.inReview[1]}/reject`,
      body: { reasons: ['Blank page'] },
    }),
  },
  {
    route: 'GET /api/runtime/apps/:appid/package',
    expect: everyone(),
    request: get((w) => `${rt(w)}/package`),
  },
  {
    route: 'GET /api/runtime/packages/:sha256',
    expect: everyone(),
    request: get((w) => `/api/runtime/packages/${w.packageSha}`),
  },
  {
    route: 'GET /api/runtime/packages/:sha256/*',
    expect: everyone(),
    request: get((w) => `/api/runtime/packages/${w.packageSha}/${w.packageFile}`),
  },

  // Client tokens and login.
  {
    route: 'POST /api/oauth/client_token',
    expect: everyone(),
    request: (w) => ({
      url: '/api/oauth/client_token',
      body: { appid: w.appA.appid, secret: w.appA.secret, grant_type: 'client_credential' },
    }),
  },
  // Each app reads its own token: nothing of another app is named in the request.
  {
    route: 'GET /api/oauth/token_info',
    expect: audience('app'),
    request: get(() => '/api/oauth/token_info'),
  },
  {
    route: 'POST /api/runtime/apps/:appid/login',
    expect: audience('user'),
    request: get((w) => `${rt(w)}/login`),
  },
  {
    // Anyone holding app A's secret may exchange a code: the secret is the credential.
    route: 'POST /api/apps/jscode2session',
    expect: everyone(),
    request: async (w) => ({
      url: '/api/apps/jscode2session',
      body: { appid: w.appA.appid, secret: w.appA.secret, code: await w.loginCode() },
    }),
  },

  // Douyin's server routes: each authenticates as Douyin does (secret, sign), for anyone
  // alike; refusals come in Douyin's envelope with HTTP 200, hence `pass`.
  {
    route: 'POST /compat/douyin/api/apps/v2/jscode2session',
    expect: everyone(),
    request: async (w) => ({
      url: '/compat/douyin/api/apps/v2/jscode2session',
      body: { appid: w.appA.appid, secret: w.appA.secret, code: await w.loginCode() },
    }),
  },
  {
    route: 'GET /compat/douyin/api/apps/jscode2session',
    expect: everyone(),
    request: async (w) => ({
      url: `/compat/douyin/api/apps/jscode2session?appid=${w.appA.appid}&secret=${encodeURIComponent(w.appA.secret)}&code=${encodeURIComponent(await w.loginCode())}`,
    }),
  },
  {
    route: 'POST /compat/douyin/api/apps/v2/token',
    expect: everyone(),
    request: (w) => ({
      url: '/compat/douyin/api/apps/v2/token',
      body: { appid: w.appA.appid, secret: w.appA.secret, grant_type: 'client_credential' },
    }),
  },
  {
    route: 'POST /compat/douyin/oauth/client_token/',
    expect: everyone(),
    request: (w) => ({
      url: '/compat/douyin/oauth/client_token/',
      body: { client_key: w.appA.appid, client_secret: w.appA.secret, grant_type: 'client_credential' },
    }),
  },
  ...['create_order', 'query_order', 'create_refund', 'query_refund', 'settle', 'query_settle'].map(
    (name): MatrixRow => ({
      route: `POST /compat/douyin/api/apps/ecpay/v1/${name}`,
      expect: everyone('pass'),
      request: (w) => ({
        url: `/compat/douyin/api/apps/ecpay/v1/${name}`,
        body: { app_id: w.appA.appid, sign: '0'.repeat(32), out_order_no: 'M1' },
      }),
    }),
  ),
  {
    route: 'GET /compat/wechat/sns/jscode2session',
    expect: everyone(),
    request: async (w) => ({
      url: `/compat/wechat/sns/jscode2session?appid=${w.appA.appid}&secret=${encodeURIComponent(w.appA.secret)}&js_code=${encodeURIComponent(await w.loginCode())}`,
    }),
  },
  {
    route: 'GET /compat/wechat/cgi-bin/token',
    expect: everyone(),
    request: (w) => ({
      url: `/compat/wechat/cgi-bin/token?grant_type=client_credential&appid=${w.appA.appid}&secret=${encodeURIComponent(w.appA.secret)}`,
    }),
  },
  {
    route: 'POST /compat/wechat/cgi-bin/stable_token',
    expect: everyone(),
    request: (w) => ({
      url: '/compat/wechat/cgi-bin/stable_token',
      body: { grant_type: 'client_credential', appid: w.appA.appid, secret: w.appA.secret },
    }),
  },
  {
    // The access_token in the query decides, whoever calls.
    route: 'POST /compat/wechat/wxa/getwxacodeunlimit',
    expect: everyone('pass'),
    request: () => ({
      url: '/compat/wechat/wxa/getwxacodeunlimit?access_token=pzt_none',
      body: { scene: 'a' },
    }),
  },
  {
    route: 'POST /compat/wechat/cgi-bin/wxaapp/createwxaqrcode',
    expect: everyone('pass'),
    request: () => ({
      url: '/compat/wechat/cgi-bin/wxaapp/createwxaqrcode?access_token=pzt_none',
      body: { path: 'pages/a' },
    }),
  },
  ...[
    'order_query',
    'refund_create',
    'refund_query',
    'refund_audit_callback',
    'settle_create',
    'settle_query',
  ].map(
    (name): MatrixRow => ({
      // The access-token header decides, whoever calls.
      route: `POST /compat/douyin/api/trade_basic/v1/developer/${name}/`,
      expect: everyone('pass'),
      request: () => ({
        url: `/compat/douyin/api/trade_basic/v1/developer/${name}/`,
        body: { out_order_no: 'M1' },
      }),
    }),
  ),
  {
    // The access_token in the body decides, whoever calls.
    route: 'POST /compat/douyin/api/apps/subscribe_notification/developer/v1/notify',
    expect: everyone('pass'),
    request: (w) => ({
      url: '/compat/douyin/api/apps/subscribe_notification/developer/v1/notify',
      body: { access_token: 'pzt_none', app_id: w.appA.appid, tpl_id: 't', open_id: 'o', data: {} },
    }),
  },
  {
    // The access-token header decides, whoever calls.
    route: 'POST /compat/douyin/api/notification/v2/subscription/notify_user/',
    expect: everyone('pass'),
    request: () => ({
      url: '/compat/douyin/api/notification/v2/subscription/notify_user/',
      body: { tpl_id: 't', open_id: 'o', data: {} },
    }),
  },
  {
    route: 'POST /compat/wechat/cgi-bin/message/subscribe/send',
    expect: everyone('pass'),
    request: () => ({
      url: '/compat/wechat/cgi-bin/message/subscribe/send?access_token=pzt_none',
      body: { touser: 'o', template_id: 't', data: {} },
    }),
  },
  {
    route: 'PUT /api/apps/:appid/douyin/payment-settings',
    expect: orgConsole('admin'),
    request: (w) => ({ url: `${app(w)}/douyin/payment-settings`, body: {} }),
  },
  {
    // After the settings exist (the PUT above).
    route: 'GET /api/apps/:appid/douyin/payment-settings',
    expect: orgConsole('developer'),
    request: get((w) => `${app(w)}/douyin/payment-settings`),
    phase: 'late',
  },
  {
    // A real key: a malformed one would be refused before the role is asked.
    route: 'PUT /api/apps/:appid/douyin/trade-settings',
    expect: orgConsole('admin'),
    request: (w) => ({ url: `${app(w)}/douyin/trade-settings`, body: { public_key: matrixTradeKey } }),
  },
  {
    route: 'GET /api/apps/:appid/douyin/trade-settings',
    expect: orgConsole('developer'),
    request: get((w) => `${app(w)}/douyin/trade-settings`),
    phase: 'late',
  },
  {
    route: 'GET /api/douyin/trade/platform-public-key',
    expect: everyone(),
    request: get(() => '/api/douyin/trade/platform-public-key'),
  },
  {
    // The byteAuthorization decides after the sign-in: a malformed one is refused.
    route: 'POST /api/runtime/douyin/trade/request-order',
    expect: {
      ...audience('user'),
      user: { status: 401, code: 'DOUYIN_BYTE_AUTHORIZATION_INVALID' },
      otherUser: { status: 401, code: 'DOUYIN_BYTE_AUTHORIZATION_INVALID' },
    },
    request: (w) => ({
      url: '/api/runtime/douyin/trade/request-order',
      body: { appid: w.appA.appid, data: '{}', byte_authorization: 'x' },
    }),
  },
  {
    route: 'POST /api/runtime/douyin/ecpay/claim',
    expect: {
      ...audience('user'),
      user: { status: 404, code: 'DOUYIN_ORDER_NOT_FOUND' },
      otherUser: { status: 404, code: 'DOUYIN_ORDER_NOT_FOUND' },
    },
    request: () => ({
      url: '/api/runtime/douyin/ecpay/claim',
      body: { order_id: 'dyo_none', order_token: 'x' },
    }),
  },

  // End users: sign-in, profile, consent, data rights.
  {
    route: 'POST /api/users/otp',
    expect: everyone(),
    request: () => ({ url: '/api/users/otp', body: { phone: uniquePhone() } }),
  },
  {
    route: 'POST /api/users/sessions',
    expect: everyone({ status: 401, code: 'IDENTITY_OTP_INVALID' }),
    request: (w) => ({ url: '/api/users/sessions', body: { phone: w.user.user.phone, code: '000000' } }),
  },
  {
    route: 'GET /api/dev/inbox',
    expect: everyone(),
    request: (w) => ({ url: `/api/dev/inbox?phone=${encodeURIComponent(w.user.user.phone)}` }),
  },
  {
    route: 'DELETE /api/users/sessions/current',
    expect: audience('user'),
    request: get(() => '/api/users/sessions/current'),
    phase: 'final',
  },
  { route: 'GET /api/me', expect: audience('user'), request: get(() => '/api/me') },
  { route: 'GET /api/me/export', expect: audience('user'), request: get(() => '/api/me/export') },
  {
    // A wrong confirmation: the erasure is refused past authorisation, and nobody is erased.
    route: 'DELETE /api/me',
    expect: { ...audience('user'), user: 'pass', otherUser: 'pass' },
    request: () => ({ url: '/api/me', body: { confirmation: 'no' } }),
  },
  {
    route: 'GET /api/me/authorizations',
    expect: audience('user'),
    request: get(() => '/api/me/authorizations'),
  },
  {
    route: 'DELETE /api/me/authorizations/:appid',
    expect: audience('user'),
    request: get((w) => `/api/me/authorizations/${w.appA.appid}`),
    phase: 'late',
  },
  {
    route: 'DELETE /api/me/authorizations/:appid/:scope',
    expect: audience('user'),
    request: get((w) => `/api/me/authorizations/${w.appA.appid}/location`),
    phase: 'late',
  },
  {
    route: 'GET /api/runtime/apps/:appid/consent/:scope',
    expect: audience('user'),
    request: get((w) => `${rt(w)}/consent/profile`),
  },
  {
    route: 'POST /api/runtime/apps/:appid/consent',
    expect: audience('user'),
    request: (w) => ({ url: `${rt(w)}/consent`, body: { scope: 'profile', granted: true } }),
  },
  // Each user's own grant decides: the other user granted profile above, not the rest.
  {
    route: 'POST /api/runtime/apps/:appid/profile',
    expect: audience('user'),
    request: get((w) => `${rt(w)}/profile`),
  },
  {
    route: 'POST /api/runtime/apps/:appid/phone-code',
    expect: { ...audience('user'), otherUser: { status: 403, code: 'CONSENT_REQUIRED' } },
    request: get((w) => `${rt(w)}/phone-code`),
  },
  {
    route: 'POST /api/runtime/apps/:appid/location',
    expect: { ...audience('user'), otherUser: { status: 403, code: 'CONSENT_REQUIRED' } },
    request: get((w) => `${rt(w)}/location`),
  },
  {
    // A phone code of app A's user: app B's token is told it is unknown.
    route: 'POST /api/apps/phone_number',
    expect: { ...audience('app'), otherApp: { status: 400, code: 'CONSENT_PHONE_CODE_INVALID' } },
    request: async (w) => ({ url: '/api/apps/phone_number', body: { code: await w.phoneCode() } }),
  },

  // Guaranteed payment: the merchant's server.
  {
    // Another app cannot bill app A's user: the openid is unknown in app B.
    route: 'POST /api/payments/orders',
    expect: { ...audience('app'), otherApp: { status: 400, code: 'PAYMENT_OPENID_UNKNOWN' } },
    request: (w) => ({
      url: '/api/payments/orders',
      body: {
        out_order_no: fresh('O'),
        openid: w.openid,
        total_amount: 500,
        currency: 'CNY',
        subject: 'Tea',
      },
    }),
  },
  // Each app lists only its own orders (checked by the private markers).
  { route: 'GET /api/payments/orders', expect: audience('app'), request: get(() => '/api/payments/orders') },
  { route: 'GET /api/payments/orders/:id', expect: merchantOwn(), request: get(order) },
  {
    route: 'GET /api/payments/orders/by-out-order-no/:no',
    expect: merchantOwn(),
    request: get((w) => `/api/payments/orders/by-out-order-no/${w.orders.paid.out_order_no}`),
  },
  {
    route: 'POST /api/payments/orders/:id/refunds',
    expect: merchantOwn(),
    request: (w) => ({ url: `${order(w)}/refunds`, body: { out_refund_no: fresh('F'), amount: 10 } }),
  },
  {
    route: 'POST /api/payments/orders/:id/settle',
    expect: merchantOwn(),
    request: get((w) => `${order(w)}/settle`),
  },
  {
    route: 'GET /api/payments/orders/:id/settlement',
    expect: merchantOwn(),
    request: get((w) => `${order(w)}/settlement`),
  },
  {
    route: 'GET /api/payments/refunds/:id',
    expect: merchantOwn(),
    request: get((w) => `/api/payments/refunds/${w.refundId}`),
  },
  {
    route: 'POST /api/payments/refunds/:id/accept',
    expect: merchantOwn(),
    request: get((w) => `/api/payments/refunds/${w.refundId}/accept`),
  },
  {
    // Accepted just before: declining it now is a domain refusal for app A, a 404 for app B.
    route: 'POST /api/payments/refunds/:id/decline',
    expect: merchantOwn('pass'),
    request: (w) => ({
      url: `/api/payments/refunds/${w.refundId}/decline`,
      body: { reason: 'Already eaten' },
    }),
  },
  {
    route: 'POST /api/payments/receivers',
    expect: audience('app'),
    request: () => ({
      url: '/api/payments/receivers',
      body: { name: 'Courier', out_receiver_no: fresh('R') },
    }),
  },
  {
    route: 'GET /api/payments/receivers',
    expect: audience('app'),
    request: get(() => '/api/payments/receivers'),
  },
  {
    route: 'GET /api/payments/statements',
    expect: audience('app'),
    request: get(() => '/api/payments/statements?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z'),
  },

  // Guaranteed payment: the end user's side.
  {
    route: 'POST /api/runtime/payments/pay',
    expect: userOwn(),
    request: (w) => ({
      url: '/api/runtime/payments/pay',
      body: { order_id: w.orders.unpaid.order_id, order_token: w.orders.unpaid.order_token, confirmed: true },
    }),
  },
  { route: 'GET /api/me/orders', expect: audience('user'), request: get(() => '/api/me/orders') },
  {
    route: 'POST /api/me/orders/:id/refund-requests',
    expect: userOwn('pass'),
    request: (w) => ({
      url: `/api/me/orders/${w.orders.paid.order_id}/refund-requests`,
      body: { amount: 10, reason: 'Late' },
    }),
  },

  // Content.
  { route: 'GET /api/feed', expect: everyone(), request: get(() => '/api/feed') },
  {
    route: 'POST /api/feed/events',
    expect: everyone(),
    request: (w) => ({
      url: '/api/feed/events',
      body: { events: [{ type: 'impression', video_id: w.videos.kept, at: Date.now() }] },
    }),
  },
  {
    route: 'POST /api/videos',
    expect: { ...audience('user'), otherUser: { status: 403, code: 'CONTENT_NOT_CREATOR' } },
    request: async () => ({
      url: '/api/videos',
      payload: await multipart({
        caption: 'Dumplings',
        video: { data: matrixMedia.mp4, filename: 'v.mp4', type: 'video/mp4' },
        cover: { data: matrixMedia.jpeg, filename: 'c.jpg', type: 'image/jpeg' },
      }),
    }),
  },
  { route: 'GET /api/videos/:id', expect: everyone(), request: get((w) => `/api/videos/${w.videos.kept}`) },
  {
    route: 'GET /api/videos/:id/file',
    expect: everyone(),
    request: get((w) => `/api/videos/${w.videos.kept}/file`),
  },
  {
    route: 'GET /api/videos/:id/cover',
    expect: everyone(),
    request: get((w) => `/api/videos/${w.videos.kept}/cover`),
  },
  {
    route: 'POST /api/videos/:id/like',
    expect: audience('user'),
    request: get((w) => `/api/videos/${w.videos.kept}/like`),
  },
  {
    route: 'DELETE /api/videos/:id/like',
    expect: audience('user'),
    request: get((w) => `/api/videos/${w.videos.kept}/like`),
  },
  {
    // Its creator or an operator removes a video; another user is told it does not exist.
    route: 'DELETE /api/videos/:id',
    expect: { ...userOwn(), operator: 'ok' },
    request: (w, who) => ({
      url: `/api/videos/${who === 'operator' ? w.videos.operatorDelete : w.videos.ownDelete}`,
    }),
  },
  {
    route: 'GET /api/operator/videos',
    expect: audience('operator'),
    request: get(() => '/api/operator/videos?status=published'),
  },
  {
    route: 'GET /api/operator/creators',
    expect: audience('operator'),
    request: get(() => '/api/operator/creators'),
  },
  {
    route: 'POST /api/operator/videos/:id/takedown',
    expect: audience('operator'),
    request: (w) => ({
      url: `/api/operator/videos/${w.videos.kept}/takedown`,
      body: { reason: 'Matrix check' },
    }),
    phase: 'late',
  },
  {
    // Right after the takedown, so the video is back for whatever runs later.
    route: 'POST /api/operator/videos/:id/reinstate',
    expect: audience('operator'),
    request: get((w) => `/api/operator/videos/${w.videos.kept}/reinstate`),
    phase: 'late',
  },
  {
    route: 'POST /api/operator/creators',
    expect: audience('operator'),
    request: (w) => ({
      url: '/api/operator/creators',
      body: { user_id: w.otherUser.user.id, display_name: 'Baker' },
    }),
  },
  {
    route: 'POST /api/pois',
    expect: audience('operator'),
    request: () => ({
      url: '/api/pois',
      body: { name: 'Tea house', address: '2 Main St', lat: 31.2, lng: 121.4 },
    }),
  },
  { route: 'GET /api/pois/:id', expect: everyone(), request: get((w) => `/api/pois/${w.poiId}`) },

  // Subscription messages: the operator's library, apps' templates, consent, sending, the inbox.
  {
    route: 'POST /api/operator/message-templates',
    expect: audience('operator'),
    request: () => ({
      url: '/api/operator/message-templates',
      body: {
        category: 'retail',
        title: 'Parcel',
        kind: 'one_time',
        keywords: [{ name: 'Item', type: 'thing' }],
      },
    }),
  },
  {
    route: 'PUT /api/operator/message-templates/:id/status',
    expect: audience('operator'),
    request: (w) => ({
      url: `/api/operator/message-templates/${w.messages.libraryId}/status`,
      body: { status: 'active' },
    }),
  },
  {
    route: 'GET /api/operator/message-long-term-categories',
    expect: audience('developer'),
    request: get(() => '/api/operator/message-long-term-categories'),
  },
  {
    route: 'PUT /api/operator/message-long-term-categories',
    expect: audience('operator'),
    request: () => ({
      url: '/api/operator/message-long-term-categories',
      body: { categories: ['education'] },
    }),
  },
  {
    route: 'GET /api/message-templates',
    expect: audience('developer'),
    request: get(() => '/api/message-templates'),
  },
  {
    route: 'POST /api/apps/:appid/message-templates',
    expect: orgConsole('developer'),
    request: (w) => ({
      url: `${app(w)}/message-templates`,
      body: { library_id: w.messages.libraryId, kid_list: [1] },
    }),
  },
  {
    route: 'GET /api/apps/:appid/message-templates',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/message-templates`),
  },
  // Runtime errors: any container reports (a guest's too), the app's org reads.
  {
    route: 'POST /api/runtime/apps/:appid/errors',
    expect: everyone(),
    request: (w) => ({
      url: `${rt(w)}/errors`,
      body: { version: '1.0.0', message: 'x is not defined', file: 'pages/index/index.js', line: 3 },
    }),
  },
  {
    route: 'GET /api/apps/:appid/runtime-errors',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/runtime-errors`),
  },
  {
    route: 'GET /api/apps/:appid/funnel/messages',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/funnel/messages?from=2026-01-01&to=2026-01-31`),
  },
  {
    // Past the role check, a template the app does not have is the coded 404.
    route: 'DELETE /api/apps/:appid/message-templates/:template_id',
    expect: orgConsole('developer', { allowed: { status: 404, code: 'MESSAGES_TEMPLATE_NOT_FOUND' } }),
    request: get((w) => `${app(w)}/message-templates/tmpl_none`),
  },
  {
    route: 'POST /api/runtime/apps/:appid/subscribe-sheet',
    expect: audience('user'),
    request: (w) => ({ url: `${rt(w)}/subscribe-sheet`, body: { template_ids: [w.messages.templateId] } }),
  },
  {
    route: 'POST /api/runtime/apps/:appid/subscriptions',
    expect: audience('user'),
    request: (w) => ({
      url: `${rt(w)}/subscriptions`,
      body: { template_ids: [w.messages.templateId], accepted: [w.messages.templateId] },
    }),
  },
  {
    route: 'POST /api/messages/subscribe/send',
    expect: merchantOwn('pass'),
    request: (w) => ({
      url: '/api/messages/subscribe/send',
      body: { openid: w.openid, template_id: w.messages.templateId, data: { thing1: 'Noodles' } },
    }),
  },
  {
    route: 'GET /api/messages/:message_id',
    expect: merchantOwn(),
    request: get((w) => `/api/messages/${w.messages.messageId}`),
  },
  {
    route: 'GET /api/me/messages/threads',
    expect: audience('user'),
    request: get(() => '/api/me/messages/threads'),
  },
  {
    route: 'GET /api/me/messages/threads/:appid',
    expect: audience('user'),
    request: get((w) => `/api/me/messages/threads/${w.appA.appid}`),
  },
  {
    route: 'POST /api/me/messages/threads/:appid/read',
    expect: audience('user'),
    request: get((w) => `/api/me/messages/threads/${w.appA.appid}/read`),
  },
  {
    route: 'POST /api/me/messages/:message_id/open',
    expect: userOwn(),
    request: get((w) => `/api/me/messages/${w.messages.messageId}/open`),
  },
  {
    // Without Accept: text/event-stream the endless stream is refused, after authorisation.
    route: 'GET /api/me/messages/stream',
    expect: {
      ...audience('user'),
      user: { status: 406, code: 'MESSAGES_EVENT_STREAM_ONLY' },
      otherUser: { status: 406, code: 'MESSAGES_EVENT_STREAM_ONLY' },
    },
    request: get(() => '/api/me/messages/stream'),
  },
  {
    route: 'PUT /api/me/messages/mutes/:appid',
    expect: audience('user'),
    request: (w) => ({ url: `/api/me/messages/mutes/${w.appA.appid}`, body: { muted: false } }),
  },
  {
    route: 'GET /api/me/messages/subscriptions',
    expect: audience('user'),
    request: get(() => '/api/me/messages/subscriptions'),
  },
  {
    route: 'DELETE /api/me/messages/subscriptions/:appid',
    expect: audience('user'),
    request: get((w) => `/api/me/messages/subscriptions/${w.appA.appid}`),
  },
  // Customer service: the first user's chat with app A (rows that need it to exist come
  // before the ones that would open one for the other user), app A's agent inbox (any
  // member of org A; operators outside it see nothing), app A's server, the operator's reports.
  {
    route: 'GET /api/me/support/conversations',
    expect: audience('user'),
    request: get(() => '/api/me/support/conversations'),
  },
  {
    route: 'GET /api/me/support/conversations/:appid/messages',
    expect: userOwn(),
    request: get((w) => `/api/me/support/conversations/${w.appA.appid}/messages`),
  },
  {
    route: 'POST /api/me/support/conversations/:appid/read',
    expect: userOwn(),
    request: get((w) => `/api/me/support/conversations/${w.appA.appid}/read`),
  },
  {
    route: 'POST /api/me/support/conversations/:appid/reports',
    expect: userOwn(),
    request: (w) => ({
      url: `/api/me/support/conversations/${w.appA.appid}/reports`,
      body: { reason: 'other' },
    }),
  },
  {
    route: 'PUT /api/me/support/conversations/:appid/block',
    expect: userOwn(),
    request: (w) => ({
      url: `/api/me/support/conversations/${w.appA.appid}/block`,
      body: { blocked: false },
    }),
  },
  {
    route: 'POST /api/me/support/conversations/:appid/open',
    expect: audience('user'),
    request: (w) => ({
      url: `/api/me/support/conversations/${w.appA.appid}/open`,
      body: { path: 'pages/index/index', title: 'Home' },
    }),
  },
  {
    route: 'POST /api/me/support/conversations/:appid/messages',
    expect: audience('user'),
    request: (w) => ({
      url: `/api/me/support/conversations/${w.appA.appid}/messages`,
      body: { text: 'Hello' },
    }),
  },
  {
    route: 'POST /api/me/support/conversations/:appid/images',
    expect: audience('user'),
    request: (w) => ({
      url: `/api/me/support/conversations/${w.appA.appid}/images`,
      payload: { data: matrixMedia.jpeg, contentType: 'image/jpeg' },
    }),
  },
  {
    // Without Accept: text/event-stream the endless stream is refused, after authorisation.
    route: 'GET /api/me/support/stream',
    expect: {
      ...audience('user'),
      user: { status: 406, code: 'SUPPORT_EVENT_STREAM_ONLY' },
      otherUser: { status: 406, code: 'SUPPORT_EVENT_STREAM_ONLY' },
    },
    request: get(() => '/api/me/support/stream'),
  },
  {
    route: 'GET /api/support/images/:message_id',
    expect: {
      ...audience('user', 'developer', 'app'),
      otherUser: 404,
      otherOrg: 404,
      operator: 404,
      otherApp: 404,
    },
    request: get((w) => `/api/support/images/${w.support.imageId}`),
  },
  {
    route: 'GET /api/apps/:appid/support/conversations',
    expect: orgConsole('viewer', { operatorReads: false }),
    request: get((w) => `${app(w)}/support/conversations`),
  },
  {
    route: 'GET /api/apps/:appid/support/conversations/:conversation_id',
    expect: orgConsole('viewer', { operatorReads: false }),
    request: get((w) => `${app(w)}/support/conversations/${w.support.conversationId}`),
  },
  {
    // Past the role check, the reply window decides (five answers per line of the user).
    route: 'POST /api/apps/:appid/support/conversations/:conversation_id/messages',
    expect: orgConsole('viewer', { operatorReads: false, allowed: 'pass' }),
    request: (w) => ({
      url: `${app(w)}/support/conversations/${w.support.conversationId}/messages`,
      body: { text: 'On its way' },
    }),
  },
  {
    route: 'POST /api/apps/:appid/support/conversations/:conversation_id/images',
    expect: orgConsole('viewer', { operatorReads: false, allowed: 'pass' }),
    request: (w) => ({
      url: `${app(w)}/support/conversations/${w.support.conversationId}/images`,
      payload: { data: matrixMedia.jpeg, contentType: 'image/jpeg' },
    }),
  },
  {
    route: 'PUT /api/apps/:appid/support/conversations/:conversation_id/status',
    expect: orgConsole('viewer', { operatorReads: false }),
    request: (w) => ({
      url: `${app(w)}/support/conversations/${w.support.conversationId}/status`,
      body: { status: 'open' },
    }),
  },
  {
    route: 'GET /api/apps/:appid/support/quick-replies',
    expect: orgConsole('viewer', { operatorReads: false }),
    request: get((w) => `${app(w)}/support/quick-replies`),
  },
  {
    route: 'POST /api/apps/:appid/support/quick-replies',
    expect: orgConsole('viewer', { operatorReads: false }),
    request: (w) => ({ url: `${app(w)}/support/quick-replies`, body: { text: 'One moment please' } }),
  },
  {
    // Past the role check, a quick reply the app does not have is the coded 404.
    route: 'DELETE /api/apps/:appid/support/quick-replies/:id',
    expect: orgConsole('viewer', {
      operatorReads: false,
      allowed: { status: 404, code: 'SUPPORT_QUICK_REPLY_NOT_FOUND' },
    }),
    request: get((w) => `${app(w)}/support/quick-replies/csq_none`),
  },
  {
    route: 'GET /api/apps/:appid/support/stream',
    expect: orgConsole('viewer', {
      operatorReads: false,
      allowed: { status: 406, code: 'SUPPORT_EVENT_STREAM_ONLY' },
    }),
    request: get((w) => `${app(w)}/support/stream`),
  },
  {
    route: 'GET /api/support/messages',
    expect: audience('app'),
    request: get(() => '/api/support/messages'),
  },
  {
    route: 'POST /api/support/messages',
    expect: merchantOwn('pass'),
    request: (w) => ({ url: '/api/support/messages', body: { openid: w.openid, text: 'On its way' } }),
  },
  {
    route: 'POST /api/support/images',
    expect: merchantOwn('pass'),
    request: (w) => ({
      url: `/api/support/images?openid=${encodeURIComponent(w.openid)}`,
      payload: { data: matrixMedia.jpeg, contentType: 'image/jpeg' },
    }),
  },
  {
    route: 'GET /api/operator/support/reports',
    expect: audience('operator'),
    request: get(() => '/api/operator/support/reports'),
  },
  // Places: pages are public; edits for the operator (or the org whose claim was approved:
  // nobody in the matrix world), claims for developers, the sync for an app's token.
  { route: 'GET /api/places/:poiId', expect: everyone(), request: get((w) => `/api/places/${w.poiId}`) },
  {
    route: 'PATCH /api/places/:poiId',
    expect: {
      ...audience('developer', 'operator'),
      viewer: { status: 403, code: 'PLACE_NOT_YOURS' },
      developer: { status: 403, code: 'PLACE_NOT_YOURS' },
      admin: { status: 403, code: 'PLACE_NOT_YOURS' },
      owner: { status: 403, code: 'PLACE_NOT_YOURS' },
      otherOrg: { status: 403, code: 'PLACE_NOT_YOURS' },
    },
    request: (w) => ({ url: `/api/places/${w.poiId}`, body: { avg_price: 3000 } }),
  },
  {
    route: 'POST /api/places/:poiId/claims',
    expect: { ...orgConsole('developer', { allowed: 'pass' }), otherOrg: 404, operator: 404 },
    request: (w) => ({ url: `/api/places/${w.poiId}/claims`, body: { org_id: w.org, evidence: '营业执照' } }),
  },
  {
    route: 'GET /api/operator/recommendation/fairness',
    expect: audience('operator'),
    request: get(() => '/api/operator/recommendation/fairness'),
  },
  {
    route: 'PUT /api/operator/recommendation/settings',
    expect: audience('operator'),
    request: () => ({ url: '/api/operator/recommendation/settings', body: { exploration_share: 0.2 } }),
  },
  {
    route: 'GET /api/operator/place-claims',
    expect: audience('operator'),
    request: get(() => '/api/operator/place-claims'),
  },
  {
    route: 'POST /api/operator/place-claims/:claimId/review',
    expect: { ...audience('operator'), operator: { status: 404, code: 'PLACE_CLAIM_NOT_FOUND' } },
    request: () => ({
      url: '/api/operator/place-claims/clm_none/review',
      body: { approve: false, reason: 'no' },
    }),
  },
  {
    route: 'POST /api/poi/supplier/sync',
    expect: { ...audience('app'), appToken: 'ok', otherApp: 'ok' },
    request: () => ({
      url: '/api/poi/supplier/sync',
      body: {
        supplier_ext_id: fresh('store'),
        name: '门店',
        address: '上海市',
        latitude: 31.2,
        longitude: 121.4,
      },
    }),
  },

  // Search: the query box is public; the dictionary and funnel are the operator's; entries the app's developers'.
  {
    route: 'POST /api/searches',
    expect: everyone(),
    request: () => ({ url: '/api/searches', body: { q: '面' } }),
  },
  { route: 'GET /api/search/suggest', expect: everyone(), request: get(() => '/api/search/suggest?q=mian') },
  { route: 'GET /api/search/history', expect: everyone(), request: get(() => '/api/search/history') },
  {
    route: 'POST /api/search/steps',
    // No search of this id was answered: everyone gets the same refusal, nobody a denial.
    expect: everyone({ status: 404, code: 'SEARCH_SEARCH_NOT_FOUND' }),
    request: () => ({ url: '/api/search/steps', body: { search_id: 'srch_none', step: 'tap' } }),
  },
  {
    route: 'GET /api/operator/search/funnel',
    expect: audience('operator'),
    request: get(() => '/api/operator/search/funnel?from=2026-01-01&to=2026-01-31'),
  },
  {
    route: 'GET /api/operator/search/dictionary',
    expect: audience('operator'),
    request: get(() => '/api/operator/search/dictionary'),
  },
  {
    route: 'POST /api/operator/search/dictionary',
    expect: audience('operator'),
    request: () => ({ url: '/api/operator/search/dictionary', body: { words: [fresh('词')] } }),
  },
  {
    route: 'GET /api/apps/:appid/search-entries',
    expect: orgConsole('developer'),
    request: get((w) => `${app(w)}/search-entries`),
  },
  {
    route: 'PUT /api/apps/:appid/search-entries',
    expect: orgConsole('developer'),
    request: (w) => ({
      url: `${app(w)}/search-entries`,
      body: { keywords: ['外卖'], services: [{ title: '点外卖', path: 'pages/index/index' }] },
    }),
  },

  // Who may mount app A on videos and in live rooms.
  {
    route: 'GET /api/apps/:appid/mounting',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/mounting`),
  },
  {
    route: 'PUT /api/apps/:appid/mounting',
    expect: orgConsole('developer'),
    request: (w) => ({ url: `${app(w)}/mounting`, body: { mode: 'ugc', creators: [] } }),
  },
  // Org A's own creator accounts (self-operated mounting): the first user, named by org A.
  {
    route: 'GET /api/orgs/:orgId/creator-accounts',
    expect: { ...orgConsole('viewer'), operator: 404 },
    request: get((w) => `${org(w)}/creator-accounts`),
  },
  {
    route: 'PUT /api/orgs/:orgId/creator-accounts/:creatorId',
    expect: orgConsole('developer'),
    request: (w) => ({ url: `${org(w)}/creator-accounts/${w.user.user.id}` }),
  },
  {
    route: 'DELETE /api/orgs/:orgId/creator-accounts/:creatorId',
    // Another creator id: taking back what was never named changes nothing, and succeeds.
    expect: orgConsole('developer'),
    request: (w) => ({ url: `${org(w)}/creator-accounts/${fresh('user')}` }),
  },
  {
    route: 'POST /api/me/creator/orgs/:orgId/confirm',
    // Org A named the first user only: the other user finds no such naming.
    expect: userOwn(),
    request: (w) => ({ url: `/api/me/creator/orgs/${w.org}/confirm` }),
  },

  // Live rooms: the first user is live in room A, with app A's card pinned.
  {
    route: 'POST /api/live/rooms',
    // The creator is live already; the other user became a creator (operator row) and goes live.
    expect: { ...audience('user'), user: { status: 409, code: 'LIVE_ALREADY_LIVE' } },
    request: () => ({ url: '/api/live/rooms', body: { title: 'Again' } }),
  },
  { route: 'GET /api/live/rooms', expect: everyone(), request: get(() => '/api/live/rooms') },
  { route: 'GET /api/live/rooms/:room_id', expect: everyone(), request: get((w) => room(w)) },
  {
    route: 'GET /api/live/rooms/:room_id/playlist.m3u8',
    expect: everyone(),
    request: get((w) => `${room(w)}/playlist.m3u8`),
  },
  {
    route: 'GET /api/live/rooms/:room_id/segments/:name',
    expect: everyone(),
    request: get((w) => `${room(w)}/segments/index0.ts`),
  },
  {
    route: 'GET /api/live/rooms/:room_id/comments',
    expect: everyone(),
    request: get((w) => `${room(w)}/comments`),
  },
  {
    route: 'POST /api/live/rooms/:room_id/comments',
    expect: audience('user'),
    request: (w) => ({ url: `${room(w)}/comments`, body: { text: '好吃' } }),
  },
  {
    route: 'POST /api/live/rooms/:room_id/likes',
    expect: audience('user'),
    request: (w) => ({ url: `${room(w)}/likes`, body: { count: 2 } }),
  },
  {
    route: 'POST /api/live/rooms/:room_id/steps',
    // Open to all; only a signed-in end user's step counts.
    expect: everyone(),
    request: (w) => ({ url: `${room(w)}/steps`, body: { step: 'anchor_click', appid: w.appA.appid } }),
  },
  {
    route: 'GET /api/live/rooms/:room_id/stream',
    // Only an event-stream client gets the endless answer; the matrix asks as a plain client.
    expect: everyone({ status: 406, code: 'LIVE_EVENT_STREAM_ONLY' }),
    request: get((w) => `${room(w)}/stream`),
  },
  {
    route: 'PUT /api/live/rooms/:room_id/pin',
    expect: userOwn(),
    request: (w) => ({
      url: `${room(w)}/pin`,
      body: { appid: w.appA.appid, title: 'Order now', path: 'pages/index/index?from=live' },
    }),
  },
  {
    route: 'GET /api/live/rooms/:room_id/funnel',
    expect: userOwn(),
    request: get((w) => `${room(w)}/funnel`),
  },
  {
    route: 'PUT /ingest/:room_id/:token/:file',
    // The token in the URL is the credential, whoever sends it.
    expect: everyone(),
    request: (w) => ({
      url: `/ingest/${w.live.roomId}/${w.live.token}/index1.ts`,
      payload: { data: tsBytes(), contentType: 'video/mp2t' },
    }),
  },
  {
    route: 'DELETE /api/live/rooms/:room_id/pin',
    expect: userOwn(),
    request: get((w) => `${room(w)}/pin`),
    phase: 'late',
  },
  {
    route: 'POST /api/live/rooms/:room_id/end',
    expect: userOwn(),
    request: get((w) => `${room(w)}/end`),
    // After the pin rows, before the sign-outs.
    phase: 'late',
  },

  // Industries: the tree, licences and their review, apps' categories.
  {
    route: 'GET /api/industry-categories',
    expect: everyone(),
    request: get(() => '/api/industry-categories'),
  },
  {
    route: 'POST /api/operator/industry-categories',
    expect: audience('operator'),
    request: () => ({
      url: '/api/operator/industry-categories',
      body: { id: fresh('matrix_cat'), name: 'Matrix', commission_bps: 300 },
    }),
  },
  {
    route: 'PATCH /api/operator/industry-categories/:categoryId',
    expect: audience('operator'),
    request: () => ({
      url: '/api/operator/industry-categories/health.pharmacy',
      body: { name: 'Pharmacies' },
    }),
  },
  {
    route: 'DELETE /api/operator/industry-categories/:categoryId',
    expect: audience('operator'),
    request: async (w) => {
      const category = await w.t.industries.categories.create({
        id: fresh('matrix_gone'),
        parentId: null,
        name: 'Gone',
        commissionBps: 300,
        holdingDays: null,
        capabilities: [],
        requirements: [],
      });
      return { url: `/api/operator/industry-categories/${category.id}` };
    },
  },
  {
    route: 'GET /api/operator/qualifications',
    expect: audience('operator'),
    request: get(() => '/api/operator/qualifications'),
  },
  {
    route: 'GET /api/operator/qualifications/:qualificationId/scan',
    expect: audience('operator'),
    request: get((w) => `/api/operator/qualifications/${w.industries.qualificationId}/scan`),
  },
  {
    route: 'POST /api/operator/qualifications/:qualificationId/review',
    expect: audience('operator'),
    request: async (w) => ({
      url: `/api/operator/qualifications/${(await w.industries.qualification()).id}/review`,
      body: { decision: 'reject', reason_code: 'illegible' },
    }),
  },
  {
    route: 'POST /api/orgs/:orgId/qualification-scans',
    expect: orgConsole('developer'),
    request: (w) => ({
      url: `${org(w)}/qualification-scans`,
      payload: { data: matrixMedia.png, contentType: 'image/png' },
    }),
  },
  {
    route: 'POST /api/orgs/:orgId/qualifications',
    expect: orgConsole('developer'),
    request: (w) => ({
      url: `${org(w)}/qualifications`,
      body: {
        licence_type: 'food_business_licence',
        number: 'JY-2',
        holder: 'Org A',
        valid_from: Date.now(),
        valid_until: Date.now() + 86_400_000,
        scan_id: w.industries.scanId,
      },
    }),
  },
  {
    route: 'GET /api/orgs/:orgId/qualifications',
    expect: orgConsole('viewer'),
    request: get((w) => `${org(w)}/qualifications`),
  },
  {
    route: 'GET /api/orgs/:orgId/qualifications/:qualificationId/scan',
    expect: orgConsole('viewer'),
    request: get((w) => `${org(w)}/qualifications/${w.industries.qualificationId}/scan`),
  },
  {
    route: 'GET /api/orgs/:orgId/industry-notices',
    expect: orgConsole('viewer'),
    request: get((w) => `${org(w)}/industry-notices`),
  },
  {
    route: 'GET /api/apps/:appid/industry-categories',
    expect: orgConsole('viewer'),
    request: get((w) => `${app(w)}/industry-categories`),
  },
  {
    route: 'PUT /api/apps/:appid/industry-categories',
    expect: orgConsole('developer'),
    // A category that needs no licence, so app A's orders of later rows are still taken.
    request: (w) => ({
      url: `${app(w)}/industry-categories`,
      body: { categories: ['retail.general'], primary: 'retail.general' },
    }),
  },

  // Sign-outs end their sessions: the end users' first, then the accounts' (final rows run in this order).
  {
    route: 'DELETE /api/sessions/current',
    // The end users signed out in the row before: their tokens are dead, not merely the wrong kind.
    expect: { ...audience('developer'), user: signedOut, otherUser: signedOut },
    request: get(() => '/api/sessions/current'),
    phase: 'final',
  },
];
