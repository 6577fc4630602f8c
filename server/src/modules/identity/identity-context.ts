import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../http/logger.ts';
import type { OtpSender } from './otp-sender.ts';

/** What the identity services are built from (the composition root provides it). */
export interface IdentityDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The platform's public base URL, for the operator setup link. */
  publicUrl: string;
  otpSender: OtpSender;
}
