import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import { z } from 'zod';
import type { Account, EndUser, SessionGrant } from './identity.model.ts';

/** HTTP shapes shared by the identity routes (snake_case on the wire). */
export const emailField = z.email().max(254);
export const passwordField = z.string().min(10).max(200);
export const nameField = z.string().trim().min(1).max(100);
export const idParam = z.string().min(1).max(64);
export const roleField = z.enum(['owner', 'admin', 'developer', 'viewer']);

/** E.164 after removing the spaces, dashes and brackets people type: `+86 138-0013-8000`. */
export const phoneField = z
  .string()
  .max(32)
  .transform((value) => value.replace(/[\s\-()]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an international number like +8613800138000'));

export const accountJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  operator: z.boolean(),
  created_at: z.number(),
});
const sameAccount: SameShape<z.infer<typeof accountJson>, Console.ConsoleAccount> = true;
void sameAccount;

export const userJson = z.object({ id: z.string(), phone: z.string(), created_at: z.number() });

export const sessionFields = { token: z.string(), csrf_token: z.string(), expires_at: z.number() };

export function toAccountJson(account: Account): z.infer<typeof accountJson> {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    operator: account.operator,
    created_at: account.createdAt,
  };
}

export function toUserJson(user: EndUser): z.infer<typeof userJson> {
  return { id: user.id, phone: user.phone, created_at: user.createdAt };
}

export function toSessionJson(grant: SessionGrant) {
  return { token: grant.token, csrf_token: grant.csrfToken, expires_at: grant.expiresAt };
}
