import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { newId } from '../../db/ids.ts';
import { isUniqueViolation } from './account.repository.ts';
import {
  consumeOtp,
  countOtpsSince,
  findUserById,
  findUserByPhone,
  insertOtp,
  insertUser,
  latestOtp,
  recordWrongOtp,
  touchUserSignIn,
} from './end-user.repository.ts';
import { identityErrors } from './errors.ts';
import { type EndUser, type SessionGrant, toEndUser } from './identity.model.ts';
import type { IdentityDeps } from './identity-context.ts';
import type { SessionService } from './session.service.ts';

const minute = 60_000;
export const otpPolicy = {
  lifetimeMs: 5 * minute,
  maxAttempts: 5,
  /** A phone may ask again only after this long (the SMS may simply be slow). */
  resendAfterMs: minute,
  /** At most this many codes per phone per window, whatever the IP. */
  maxPerWindow: 5,
  windowMs: 60 * minute,
};

// Salted with the code's own id: a six-digit code lives five minutes and allows five
// tries, so a slow hash would add cost without adding safety.
function hashCode(otpId: string, code: string): Buffer {
  return createHash('sha256').update(`${otpId}:${code}`).digest();
}

export interface EndUserService {
  /** Sends a fresh six-digit code to the phone, within the per-phone limits. */
  requestOtp(
    phone: string,
    ip: string,
  ): Promise<{
    expiresAt: number;
    resendAfter: number;
  }>;
  /** Checks the newest code of the phone; the first sign-in creates the user. */
  signInWithOtp(
    phone: string,
    code: string,
  ): Promise<{
    user: EndUser;
    session: SessionGrant;
  }>;
  getUser(id: string): Promise<EndUser | undefined>;
}

export function createEndUserService(deps: IdentityDeps, sessions: SessionService): EndUserService {
  const { db, clock, otpSender } = deps;

  async function findOrCreateUser(phone: string, now: number): Promise<EndUser> {
    const existing = await findUserByPhone(db, phone);
    if (existing) {
      await touchUserSignIn(db, existing.id, now);
      return toEndUser(existing);
    }
    const row = { id: newId('usr'), phone, created_at: now, last_sign_in_at: now };
    try {
      await insertUser(db, row);
      return toEndUser(row);
    } catch (error) {
      // Two first sign-ins at once: the other one created the user.
      const winner = isUniqueViolation(error) ? await findUserByPhone(db, phone) : undefined;
      if (!winner) throw error;
      return toEndUser(winner);
    }
  }

  return {
    /** Sends a fresh six-digit code to the phone, within the per-phone limits. */
    async requestOtp(phone: string, ip: string): Promise<{ expiresAt: number; resendAfter: number }> {
      const now = clock.now();
      const last = await latestOtp(db, phone);
      if (last && now - last.created_at < otpPolicy.resendAfterMs) {
        throw identityErrors.OTP_TOO_SOON({
          retry_after_seconds: Math.ceil((last.created_at + otpPolicy.resendAfterMs - now) / 1000),
        });
      }
      if ((await countOtpsSince(db, phone, now - otpPolicy.windowMs)) >= otpPolicy.maxPerWindow) {
        throw identityErrors.OTP_LIMIT();
      }
      const id = newId('otp');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = now + otpPolicy.lifetimeMs;
      await insertOtp(db, {
        id,
        phone,
        code_hash: hashCode(id, code).toString('hex'),
        ip,
        created_at: now,
        expires_at: expiresAt,
        attempts: 0,
        consumed_at: null,
      });
      await otpSender.send({ phone, code, expiresAt });
      return { expiresAt, resendAfter: now + otpPolicy.resendAfterMs };
    },

    /** Checks the newest code of the phone; the first sign-in creates the user. */
    async signInWithOtp(phone: string, code: string): Promise<{ user: EndUser; session: SessionGrant }> {
      const now = clock.now();
      const otp = await latestOtp(db, phone);
      if (!otp || otp.consumed_at !== null) throw identityErrors.OTP_INVALID();
      if (otp.attempts >= otpPolicy.maxAttempts) throw identityErrors.OTP_TOO_MANY_ATTEMPTS();
      if (otp.expires_at <= now) throw identityErrors.OTP_EXPIRED();
      const matches = timingSafeEqual(hashCode(otp.id, code), Buffer.from(otp.code_hash, 'hex'));
      if (!matches) {
        const counted = await recordWrongOtp(db, otp.id, otpPolicy.maxAttempts);
        if (!counted) throw identityErrors.OTP_TOO_MANY_ATTEMPTS();
        throw identityErrors.OTP_INVALID({ attempts_left: otpPolicy.maxAttempts - otp.attempts - 1 });
      }
      if (!(await consumeOtp(db, otp.id, now, otpPolicy.maxAttempts))) throw identityErrors.OTP_INVALID();
      const user = await findOrCreateUser(phone, now);
      return { user, session: await sessions.start('user', user.id) };
    },

    async getUser(id: string): Promise<EndUser | undefined> {
      const row = await findUserById(db, id);
      return row && toEndUser(row);
    },
  };
}
