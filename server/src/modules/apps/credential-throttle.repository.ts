import type { Db } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

const throttleOf = preparedQuery((db, a: { scope: string }) =>
  db
    .selectFrom('app_credential_throttle')
    .select(['failures', 'window_started_at'])
    .where('scope', '=', a.scope),
);

export async function findThrottle(
  db: Db,
  scope: string,
): Promise<{ failures: number; window_started_at: number } | undefined> {
  return (await throttleOf(db, 'by-scope', { scope }))[0];
}

/** Counts one failure, starting a new window when the old one has passed (one statement: no lost updates). */
export async function countFailure(db: Db, scope: string, now: number, windowMs: number): Promise<void> {
  await db
    .insertInto('app_credential_throttle')
    .values({ scope, failures: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('app_credential_throttle.window_started_at', '<=', now - windowMs)
          .then(1)
          .else(eb('app_credential_throttle.failures', '+', 1))
          .end(),
        window_started_at: eb
          .case()
          .when('app_credential_throttle.window_started_at', '<=', now - windowMs)
          .then(now)
          .else(eb.ref('app_credential_throttle.window_started_at'))
          .end(),
      })),
    )
    .execute();
}
