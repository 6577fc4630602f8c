import type { MatrixWorld } from '../authorization/matrix-world.ts';
import type { Who } from '../authorization/principals.ts';
import { routeTable } from '../authorization/route-table.ts';
import type { FuzzPrincipal } from './fuzz-world.ts';
import type { ValidBase } from './hostile-requests.ts';
import type { Operation } from './openapi-operations.ts';

const asMatrixCaller: Record<FuzzPrincipal, Who> = {
  anonymous: 'anonymous',
  user: 'user',
  developer: 'owner',
  operator: 'operator',
  app: 'appToken',
};

/**
 * Requests the authorisation matrix knows to be valid for an operation (fresh natural
 * keys each time), so one field made extreme at a time reaches the service's own rules
 * rather than stopping at "not found".
 */
export async function validBases(
  w: MatrixWorld,
  op: Operation,
  who: FuzzPrincipal,
  count: number,
): Promise<ValidBase[]> {
  const route = `${op.method} ${op.path.replace(/\{\*\}/g, '*').replace(/\{([^}]+)\}/g, ':$1')}`;
  const row = routeTable.find((r) => r.route === route);
  if (!row) return [];
  const bases: ValidBase[] = [];
  for (let i = 0; i < count; i++) {
    // Some valid requests need state the fuzzing before them may have changed (a revoked consent).
    const req = await Promise.resolve(row.request(w, asMatrixCaller[who])).catch(() => undefined);
    if (!req) return bases;
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return [];
    bases.push({ url: req.url, body: req.body as Record<string, unknown> });
  }
  return bases;
}
