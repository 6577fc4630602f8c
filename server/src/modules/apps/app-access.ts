import { PlazaError } from '../../errors/index.ts';
import { identityErrors, type OrgRole } from '../identity/index.ts';
import type { AppCaller } from './app.model.ts';
import { findAppByAppid } from './app.repository.ts';
import type { AppsDeps } from './apps.service.ts';
import type { AppRow } from './apps.table.ts';
import { appErrors } from './errors.ts';

/**
 * Finds an app the caller may act on with at least `minimumRole` in its org. An account
 * outside the org learns nothing, not even that the appid exists: 404. Operators may read
 * every app (review, support) but change only its status, through their own routes.
 */
export async function appForCaller(
  deps: AppsDeps,
  caller: AppCaller,
  appid: string,
  minimumRole: OrgRole,
): Promise<AppRow> {
  const row = await findAppByAppid(deps.db, appid);
  if (!row) throw appErrors.NOT_FOUND({ appid });
  if (caller.operator && minimumRole === 'viewer') return row;
  try {
    await deps.orgs.requireOrgRole(caller.accountId, row.org_id, minimumRole);
  } catch (error) {
    if (error instanceof PlazaError && error.code === identityErrors.ORG_NOT_FOUND.code)
      throw appErrors.NOT_FOUND({ appid });
    throw error;
  }
  return row;
}
