import { sampleMedia } from '../../src/modules/content/testing.ts';
import { identityClient } from '../../src/modules/identity/testing.ts';
import { pushedPlaylist, tsBytes } from '../../src/modules/live/testing.ts';
import { buildPackage, goodProgram, versionsClient } from '../../src/modules/versions/testing.ts';
import type { Platform } from '../../src/platform.ts';
import type { Who } from './principals.ts';

type TestPlatform = Platform & { operatorSetup?: { url: string } | undefined };

/**
 * The objects every route of the matrix points at: two orgs, each with an app, and every
 * kind of caller. Path parameters always name objects of org A / app A, so a caller of
 * org B, app B or another end user is exactly the stranger the matrix must keep out.
 */
export async function buildMatrixWorld(t: TestPlatform) {
  const v = versionsClient(t);
  const { call, expectOk } = v;
  // Cross-checks of this world fail loudly: a broken fixture must not pass as a denial.
  const ok = async (res: Promise<{ status: number; json: unknown }>, status: number, what: string) =>
    expectOk(await res, status, what);

  const operator = await v.operator();
  const owner = await v.orgOwner();
  const otherOwner = await v.orgOwner();
  const webhookUrl = 'http://127.0.0.1:9/hooks';
  const privacy = [
    { scope: 'profile', reason: 'To greet you' },
    { scope: 'phone_number', reason: 'To call you about your order' },
    { scope: 'location', reason: 'To deliver to you' },
  ];
  const appA = await v.createApp(owner, { webhook_url: webhookUrl, privacy });
  const appB = await v.createApp(otherOwner, { webhook_url: webhookUrl, privacy });
  const appAId = (await t.apps.findByAppid(appA.appid))?.id as string;

  // Members of org A with each role, plus spares that the member routes may change.
  const member = async (role: 'admin' | 'developer' | 'viewer') => {
    const dev = await v.developer();
    await ok(
      call('POST', `/api/orgs/${owner.orgId}/members`, {
        token: owner.token,
        body: { email: dev.account.email, role },
      }),
      201,
      `add ${role}`,
    );
    return dev;
  };
  const admin = await member('admin');
  const developer = await member('developer');
  const viewer = await member('viewer');
  const spareForOwner = await member('viewer');
  const spareForAdmin = await member('viewer');
  const invite = async (name: string) => {
    const email = `${name}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
    await ok(
      call('POST', `/api/orgs/${owner.orgId}/members`, {
        token: owner.token,
        body: { email, role: 'viewer' },
      }),
      201,
      'invite',
    );
    return email;
  };
  const invitations = { owner: await invite('invite-o'), admin: await invite('invite-a') };

  // Versions of app A: one released, one just uploaded, two waiting for review.
  let patch = 0;
  const nextVersion = () => `1.0.${++patch}`;
  const archive = buildPackage(goodProgram());
  const released = await v.uploadAndCheck(appA.appid, owner.token, archive, nextVersion());
  await v.approveAndRelease(appA.appid, owner.token, operator.token, released.id);
  const inReview = [];
  for (let i = 0; i < 2; i++) {
    const up = await ok(
      v.upload(appA.appid, owner.token, archive, { version: nextVersion() }),
      201,
      'upload for review',
    );
    await ok(
      call('POST', `/api/apps/${appA.appid}/versions/${up.version.id}/submit`, { token: owner.token }),
      202,
      'submit',
    );
    inReview.push(up.version.id as string);
  }
  await t.jobs.workers.runDue();
  const uploaded = (
    await ok(v.upload(appA.appid, owner.token, archive, { version: nextVersion() }), 201, 'upload')
  ).version.id as string;
  const pkg = await ok(call('GET', `/api/runtime/apps/${appA.appid}/package`), 200, 'package');
  const packageFile = Object.keys(pkg.files as Record<string, unknown>)[0] as string;

  // End users: the first has consented to app A and ordered from it; the second is a stranger.
  const user = await identityClient(t).endUser();
  const otherUser = await identityClient(t).endUser();
  for (const scope of ['profile', 'phone_number', 'location']) {
    await ok(
      call('POST', `/api/runtime/apps/${appA.appid}/consent`, {
        token: user.token,
        body: { scope, granted: true },
      }),
      200,
      `grant ${scope}`,
    );
  }
  // Org A's licence, waiting for review, with its scan.
  const ownerCaller = { accountId: owner.account.id as string, operator: false };
  const scan = await t.industries.qualifications.uploadScan(ownerCaller, owner.orgId, matrixMedia.png);
  const qualification = () =>
    t.industries.qualifications.submit(ownerCaller, owner.orgId, {
      licenceType: 'food_business_licence',
      number: 'JY-1',
      holder: 'Org A',
      validFrom: Date.now(),
      validUntil: Date.now() + 365 * 86_400_000,
      scanId: scan.id,
    });
  const licence = await qualification();

  const appToken = await v.clientToken(appA.appid, appA.secret);
  const otherAppToken = await v.clientToken(appB.appid, appB.secret);
  const openid = await t.login.openidFor(appA.appid, user.user.id);
  let orderNo = 0;
  const order = async () =>
    ok(
      call('POST', '/api/payments/orders', {
        token: appToken,
        body: {
          out_order_no: `M${++orderNo}`,
          openid,
          total_amount: 1000,
          currency: 'CNY',
          subject: 'Noodles',
        },
      }),
      201,
      'order',
    );
  const paid = await order();
  await ok(
    call('POST', '/api/runtime/payments/pay', {
      token: user.token,
      body: { order_id: paid.order_id, order_token: paid.order_token, confirmed: true },
    }),
    200,
    'pay',
  );
  const unpaid = await order();
  const refund = await ok(
    call('POST', `/api/me/orders/${paid.order_id}/refund-requests`, {
      token: user.token,
      body: { amount: 100, reason: 'Cold' },
    }),
    201,
    'refund request',
  );
  const receiver = await ok(
    call('POST', '/api/payments/receivers', {
      token: appToken,
      body: { name: 'Courier', out_receiver_no: 'R1' },
    }),
    200,
    'receiver',
  );
  const delivery = await t.db
    .transaction()
    .execute((trx) =>
      t.webhooks.enqueueEvent(trx, { appId: appAId, type: 'matrix.ping', data: { hello: 'world' } }),
    );

  // Subscription messages: a library template, app A's template of it, the first user's
  // consent, and one message delivered to them.
  const library = await ok(
    call('POST', '/api/operator/message-templates', {
      token: operator.token,
      body: {
        category: 'food_delivery',
        title: 'Order status',
        kind: 'one_time',
        keywords: [{ name: 'Dish', type: 'thing' }],
      },
    }),
    201,
    'library template',
  );
  const template = await ok(
    call('POST', `/api/apps/${appA.appid}/message-templates`, {
      token: owner.token,
      body: { library_id: library.id, kid_list: [1] },
    }),
    201,
    'app template',
  );
  await ok(
    call('POST', `/api/runtime/apps/${appA.appid}/subscriptions`, {
      token: user.token,
      body: { template_ids: [template.template_id], accepted: [template.template_id] },
    }),
    200,
    'subscribe',
  );
  const message = await ok(
    call('POST', '/api/messages/subscribe/send', {
      token: appToken,
      body: { openid, template_id: template.template_id, data: { thing1: 'Noodles' } },
    }),
    200,
    'send message',
  );
  await t.jobs.workers.runDue();

  // Customer service: the first user wrote to app A, with an image; app A keeps a quick reply.
  await ok(
    call('POST', `/api/me/support/conversations/${appA.appid}/messages`, {
      token: user.token,
      body: { text: 'Where is my order?' },
    }),
    201,
    'support line',
  );
  const supportImage = await t.app.inject({
    method: 'POST',
    url: `/api/me/support/conversations/${appA.appid}/images`,
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'image/jpeg' },
    payload: matrixMedia.jpeg,
  });
  if (supportImage.statusCode !== 201) throw new Error(`support image: ${supportImage.body}`);
  const supportLine = supportImage.json() as { message_id: string; conversation_id: string };
  const quickReply = await ok(
    call('POST', `/api/apps/${appA.appid}/support/quick-replies`, {
      token: owner.token,
      body: { text: 'Thank you for waiting' },
    }),
    201,
    'quick reply',
  );

  // Content: the first user is a creator with videos; a POI carries app A's anchor.
  await t.content.becomeCreator(user.user.id, 'Chef');
  // Org A named the creator as one of its own accounts; the creator's confirmation is a row.
  await t.content.nameOrgAccount(owner.orgId, user.user.id);
  const video = async () => {
    const published = await t.content.publishVideo({
      userId: user.user.id,
      caption: 'Noodles',
      video: await t.content.storeUpload('video', matrixMedia.mp4),
      cover: await t.content.storeUpload('cover', matrixMedia.jpeg),
    });
    return published.id;
  };
  const videos = { kept: await video(), ownDelete: await video(), operatorDelete: await video() };
  const poi = await ok(
    call('POST', '/api/pois', {
      token: operator.token,
      body: { name: 'Noodle shop', address: '1 Main St', lat: 31.2, lng: 121.4 },
    }),
    201,
    'poi',
  );

  // Live: the first user is live with app A's card pinned, one segment pushed.
  const live = await t.live.startRoom(user.user.id, {
    title: 'Cooking',
    anchor: { appid: appA.appid, title: 'Order', path: 'pages/index/index' },
  });
  await t.live.ingest(live.room.id, live.token, 'index0.ts', tsBytes());
  await t.live.ingest(live.room.id, live.token, 'index.m3u8', Buffer.from(pushedPlaylist(['index0.ts'])));

  const tokens: Record<Who, string | undefined> = {
    anonymous: undefined,
    user: user.token,
    otherUser: otherUser.token,
    owner: owner.token,
    admin: admin.token,
    developer: developer.token,
    viewer: viewer.token,
    otherOrg: otherOwner.token,
    operator: operator.token,
    appToken,
    otherApp: otherAppToken,
  };

  return {
    t,
    call,
    tokens,
    nextVersion,
    archive,
    ownerEmail: owner.account.email,
    org: owner.orgId,
    otherOrg: otherOwner.orgId,
    otherOwnerId: otherOwner.account.id,
    appA: { ...appA, id: appAId },
    appB,
    user,
    otherUser,
    openid,
    /** A fresh login code of the first user for app A (they are single-use). */
    loginCode: async () => (await t.login.issueCode(user.user.id, appA.appid)).code,
    /** A fresh phone-number code of the first user for app A. */
    phoneCode: async () => (await t.consent.issuePhoneCode(user.user.id, appA.appid)).code,
    spares: { owner: spareForOwner.account.id, admin: spareForAdmin.account.id },
    invitations,
    versions: { released: released.id as string, inReview, uploaded },
    packageSha: pkg.package.sha256 as string,
    packageFile,
    orders: { paid, unpaid },
    industries: { scanId: scan.id, qualificationId: licence.id, qualification },
    refundId: refund.refund_id as string,
    receiverId: receiver.receiver_id as string,
    deliveryId: delivery.id,
    videos,
    poiId: poi.poi_id as string,
    live: { roomId: live.room.id, token: live.token },
    messages: {
      libraryId: library.id as string,
      templateId: template.template_id as string,
      messageId: message.message_id as string,
    },
    support: {
      conversationId: supportLine.conversation_id,
      imageId: supportLine.message_id,
      quickReplyId: quickReply.id as string,
    },
    /** What no stranger may ever see in a response: ids and secrets private to org A, app A or the user. */
    privateMarkers: [
      owner.orgId,
      appA.secret,
      appA.webhookSecret,
      openid,
      paid.order_id,
      unpaid.order_id,
      refund.refund_id as string,
      receiver.receiver_id as string,
      delivery.id,
      scan.id,
      licence.id,
      message.message_id as string,
      supportLine.conversation_id,
      supportLine.message_id,
      uploaded,
      ...inReview,
    ],
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;

/** The smallest files the content module accepts as a video and a cover. */
export const matrixMedia = {
  ...sampleMedia,
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]),
};
