/**
 * Every kind of caller the matrix tries on every route. Objects in paths always belong to
 * org A / app A / the first end user; the `other…` principals are the strangers.
 */
export const principals = [
  'anonymous',
  'user',
  'otherUser',
  'owner',
  'admin',
  'developer',
  'viewer',
  'otherOrg',
  'operator',
  'appToken',
  'otherApp',
] as const;

export type Who = (typeof principals)[number];

/** Members of org A, least to most powerful. */
export const orgRoles = ['viewer', 'developer', 'admin', 'owner'] as const;
export type OrgRole = (typeof orgRoles)[number];

/** Principals that are developer accounts (operators included: they are accounts too). */
export const accounts: readonly Who[] = ['owner', 'admin', 'developer', 'viewer', 'otherOrg', 'operator'];
