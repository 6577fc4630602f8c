import type { App, AppCaller } from '../apps/index.ts';
import { appErrors } from '../apps/index.ts';
import type { VersionCaller } from './version.model.ts';
import type { VersionsDeps } from './versions.service.ts';

type Role = Parameters<VersionsDeps['apps']['requireRole']>[2];

/**
 * The app the caller may act on: an account with `minimumRole` in the app's org (operators
 * may read), or the app's own client token. Another app's token learns nothing: 404.
 */
export async function appForVersionCaller(
  deps: VersionsDeps,
  caller: VersionCaller,
  appid: string,
  minimumRole: Role,
): Promise<App> {
  if (caller.kind === 'account') {
    const account: AppCaller = { accountId: caller.accountId, operator: caller.operator };
    return deps.apps.requireRole(account, appid, minimumRole);
  }
  const app = await deps.apps.findByAppid(appid);
  if (!app || app.id !== caller.appId) throw appErrors.NOT_FOUND({ appid });
  return app;
}

/** The actor recorded on release events. */
export function actorOfCaller(caller: VersionCaller): { kind: 'account' | 'operator' | 'app'; id: string } {
  if (caller.kind === 'app') return { kind: 'app', id: caller.appId };
  return { kind: caller.operator ? 'operator' : 'account', id: caller.accountId };
}
