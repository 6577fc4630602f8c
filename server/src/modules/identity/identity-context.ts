import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../logging/logger.ts';
import type { OtpSender } from './otp-sender.ts';

/**
 * What the identity services are built from (the composition root provides it): declared
 * once for the module, each sub-service takes the part it uses.
 */
export interface IdentityDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The platform's public base URL, for the operator setup link. */
  publicUrl: string;
  otpSender: OtpSender;
}
