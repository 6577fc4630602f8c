import type { OrgRole } from './identity.table.ts';

/** Org roles, least to most powerful: each role may do everything the ones before it may. */
export const orgRoles = ['viewer', 'developer', 'admin', 'owner'] as const satisfies readonly OrgRole[];

/**
 * Whether `role` is at least `minimum`.
 *
 * @example
 * roleAtLeast('admin', 'developer') // true
 */
export function roleAtLeast(role: OrgRole, minimum: OrgRole): boolean {
  return orgRoles.indexOf(role) >= orgRoles.indexOf(minimum);
}
