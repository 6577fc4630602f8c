import { newId } from '../../db/ids.ts';
import {
  findAccountByEmail,
  findAccountById,
  insertAccount,
  isUniqueViolation,
  operatorExists,
} from './account.repository.ts';
import { identityErrors } from './errors.ts';
import { type Account, type SessionGrant, toAccount } from './identity.model.ts';
import type { IdentityDeps } from './identity-context.ts';
import { clearLoginThrottle, findLoginThrottle, saveLoginThrottle } from './login-throttle.repository.ts';
import { deleteInvitation, insertMember, listInvitationsForEmail } from './org.repository.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts';
import { hashToken, issueToken, tokenPrefixes } from './secret-token.ts';
import type { SessionService } from './session.service.ts';
import { consumeSetupToken, insertSetupToken, retireSetupTokens } from './setup-token.repository.ts';

const minute = 60_000;
/** Failed sign-ins per email allowed within the window before the email is locked. */
export const loginPolicy = { maxFailures: 5, windowMs: 15 * minute, lockMs: 15 * minute };
export const setupTokenLifetimeMs = 24 * 60 * minute;

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

export interface OperatorSetup {
  url: string;
  expiresAt: number;
}

/** Emails compare case-insensitively: stored and looked up lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface AccountService {
  /**
   * On a platform without an operator, issues a fresh one-time setup link (older
   * unused links stop working) and logs it; undefined once an operator exists.
   */
  prepareOperatorSetup(): Promise<OperatorSetup | undefined>;
  /** Creates the first operator with a live setup token; the token then stops working. */
  completeOperatorSetup(token: string, input: NewAccount): Promise<Account>;
  signUp(input: NewAccount): Promise<Account>;
  /** Checks the password; repeated failures lock the email (whether or not it exists). */
  signIn(
    emailInput: string,
    password: string,
  ): Promise<{
    account: Account;
    session: SessionGrant;
  }>;
  getAccount(id: string): Promise<Account | undefined>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
}

export function createAccountService(deps: IdentityDeps, sessions: SessionService): AccountService {
  const { db, clock, log } = deps;

  /** Inserts the account and turns its pending org invitations into memberships. */
  async function createAccount(
    input: NewAccount,
    operator: boolean,
    claimSetupToken?: string,
  ): Promise<Account> {
    const email = normalizeEmail(input.email);
    // Hashing first keeps the transaction (and SQLite's single writer) short.
    const passwordHash = await hashPassword(input.password);
    const now = clock.now();
    const row = {
      id: newId('acc'),
      email,
      name: input.name.trim(),
      password_hash: passwordHash,
      operator: operator ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await db.transaction().execute(async (trx) => {
        if (claimSetupToken !== undefined) {
          const live = await consumeSetupToken(trx, hashToken(claimSetupToken), now);
          if (!live || (await operatorExists(trx))) throw identityErrors.SETUP_TOKEN_INVALID();
          await retireSetupTokens(trx, now);
        }
        if (await findAccountByEmail(trx, email)) throw identityErrors.EMAIL_TAKEN();
        await insertAccount(trx, row);
        for (const invitation of await listInvitationsForEmail(trx, email)) {
          await insertMember(trx, {
            org_id: invitation.org_id,
            account_id: row.id,
            role: invitation.role,
            created_at: now,
            updated_at: now,
          });
          await deleteInvitation(trx, invitation.org_id, email);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw identityErrors.EMAIL_TAKEN();
      throw error;
    }
    return toAccount(row);
  }

  async function recordFailure(email: string, now: number): Promise<void> {
    const previous = await findLoginThrottle(db, email);
    const fresh = !previous || now - previous.window_started_at > loginPolicy.windowMs;
    const failures = fresh ? 1 : previous.failures + 1;
    await saveLoginThrottle(db, {
      email,
      failures,
      window_started_at: fresh ? now : previous.window_started_at,
      locked_until: failures >= loginPolicy.maxFailures ? now + loginPolicy.lockMs : null,
    });
  }

  return {
    /**
     * On a platform without an operator, issues a fresh one-time setup link (older
     * unused links stop working) and logs it; undefined once an operator exists.
     */
    async prepareOperatorSetup(): Promise<OperatorSetup | undefined> {
      if (await operatorExists(db)) return undefined;
      const now = clock.now();
      const { token, hash } = issueToken(tokenPrefixes.setup);
      const expiresAt = now + setupTokenLifetimeMs;
      await db.transaction().execute(async (trx) => {
        await retireSetupTokens(trx, now);
        await insertSetupToken(trx, {
          id: newId('stp'),
          token_hash: hash,
          created_at: now,
          expires_at: expiresAt,
        });
      });
      const url = `${deps.publicUrl}/setup?token=${encodeURIComponent(token)}`;
      log.warn(
        { expires_at: new Date(expiresAt).toISOString() },
        `No operator yet. Create the first operator account within 24 hours at ${url}`,
      );
      return { url, expiresAt };
    },

    /** Creates the first operator with a live setup token; the token then stops working. */
    async completeOperatorSetup(token: string, input: NewAccount): Promise<Account> {
      const account = await createAccount(input, true, token);
      log.info({ account_id: account.id }, 'operator account created');
      return account;
    },

    signUp(input: NewAccount): Promise<Account> {
      return createAccount(input, false);
    },

    /** Checks the password; repeated failures lock the email (whether or not it exists). */
    async signIn(emailInput: string, password: string): Promise<{ account: Account; session: SessionGrant }> {
      const email = normalizeEmail(emailInput);
      const now = clock.now();
      const throttle = await findLoginThrottle(db, email);
      if (throttle?.locked_until && throttle.locked_until > now) {
        throw identityErrors.LOGIN_LOCKED({
          retry_after_seconds: Math.ceil((throttle.locked_until - now) / 1000),
        });
      }
      const row = await findAccountByEmail(db, email);
      if (!row) await burnPasswordCheck(password);
      if (!row || !(await verifyPassword(password, row.password_hash))) {
        await recordFailure(email, now);
        throw identityErrors.INVALID_LOGIN();
      }
      if (throttle) await clearLoginThrottle(db, email);
      return { account: toAccount(row), session: await sessions.start('account', row.id) };
    },

    async getAccount(id: string): Promise<Account | undefined> {
      const row = await findAccountById(db, id);
      return row && toAccount(row);
    },

    async findAccountByEmail(email: string): Promise<Account | undefined> {
      const row = await findAccountByEmail(db, normalizeEmail(email));
      return row && toAccount(row);
    },
  };
}
