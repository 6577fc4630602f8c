import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/db/database.ts';
import { goodPassword } from '../../src/modules/identity/testing.ts';
import { builtSuperAppFixture } from '../../src/modules/super-app/testing.ts';
import { buildMatrixWorld } from '../authorization/matrix-world.ts';
import { startTestPlatform } from '../support/test-platform.ts';
import type { KnownValues } from './schema-arbitrary.ts';

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;

/** The callers the fuzzer tries every operation as. */
export const fuzzPrincipals = ['anonymous', 'user', 'developer', 'operator', 'app'] as const;
export type FuzzPrincipal = (typeof fuzzPrincipals)[number];

/** Which audience of the OpenAPI document's "Who may call" admits each caller. */
export const admittedBy: Record<FuzzPrincipal, (audiences: readonly string[]) => boolean> = {
  anonymous: (a) => a.includes('anyone'),
  user: (a) => a.includes('anyone') || a.some((x) => x.startsWith('end user')),
  developer: (a) => a.includes('anyone') || a.some((x) => x.startsWith('developer')),
  operator: (a) =>
    a.includes('anyone') || a.some((x) => x.startsWith('developer') || x.startsWith('platform operator')),
  app: (a) => a.includes('anyone') || a.some((x) => x.startsWith("app's server")),
};

/**
 * Real objects for every path parameter and the callers who own them: the authorisation
 * matrix's world (org A with app A, its versions, orders, refunds, deliveries, videos, a
 * POI, an end user who consented and ordered), plus a cookie session of A's owner.
 */
export async function buildFuzzWorld(t: TestPlatform) {
  const w = await buildMatrixWorld(t);
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { email: w.ownerEmail, password: goodPassword },
    remoteAddress: '10.99.0.1',
  });
  const cookies = Object.fromEntries(signIn.cookies.map((c) => [c.name, c.value]));
  const tokens: Record<FuzzPrincipal, string | undefined> = {
    anonymous: undefined,
    user: w.tokens.user,
    developer: w.tokens.owner,
    operator: w.tokens.operator,
    app: w.tokens.appToken,
  };

  /** A real value for a path parameter of a path: the object of A that the route names. */
  function realPathValue(path: string, name: string): string {
    const objects: Record<string, string> = {
      orgId: w.org,
      appid: w.appA.appid,
      accountId: w.spares.owner,
      email: w.invitations.owner,
      versionId: w.versions.inReview[0] as string,
      sha256: w.packageSha,
      '*': w.packageFile,
      scope: 'profile',
      no: w.orders.paid.out_order_no as string,
    };
    if (name !== 'id') return objects[name] ?? 'x';
    if (path.includes('/refunds/')) return w.refundId;
    if (path.includes('/orders/')) return w.orders.paid.order_id as string;
    if (path.includes('/deliveries/')) return w.deliveryId;
    if (path.includes('/videos/')) return w.videos.kept;
    if (path.includes('/pois/')) return w.poiId;
    return 'x';
  }

  const known: KnownValues = {
    appid: [w.appA.appid],
    openid: [w.openid],
    order_id: [w.orders.unpaid.order_id, w.orders.paid.order_id],
    order_token: [w.orders.unpaid.order_token],
    out_order_no: [w.orders.paid.out_order_no],
    receiver_id: [w.receiverId],
    video_id: [w.videos.kept],
    version_id: [w.versions.inReview[1]],
    email: [w.ownerEmail],
    phone: [w.user.user.phone],
    user_id: [w.user.user.id],
    scope: ['profile', 'phone_number', 'location'],
    currency: ['CNY'],
    category: ['food_delivery'],
  };

  return {
    world: w,
    tokens,
    /** A's owner and the first end user signed in by cookie, with the CSRF tokens their sessions expect. */
    cookieSessions: {
      developer: { cookies, csrf: signIn.json().csrf_token as string },
      user: { cookies: w.user.cookies, csrf: w.user.csrf },
    },
    realPathValue,
    known,
  };
}

export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>;

/**
 * A platform in demo mode on the engine with the fuzz world, for one describe block:
 * started before its tests, stopped after. Read `.t` and `.fw` inside the tests.
 *
 * @example
 * const s = fuzzWorldFor(engine); it('…', async () => { await s.t.app.inject(…) });
 */
export function fuzzWorldFor(engine: Engine): { t: TestPlatform; fw: FuzzWorld } {
  const started = {} as { t: TestPlatform; fw: FuzzWorld };
  beforeAll(async () => {
    // A stand-in super app, so its page and asset paths are fuzzed whether or not web/ is built.
    started.t = await startTestPlatform(engine, {
      env: { PLAZA_DEMO: 'true' },
      superAppRoot: builtSuperAppFixture(),
    });
    started.fw = await buildFuzzWorld(started.t);
  }, 120_000);
  afterAll(async () => {
    await started.t?.stop();
  });
  return started;
}
