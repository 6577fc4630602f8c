import type { Logger } from '../../logging/logger.ts';

export interface OtpMessage {
  phone: string;
  code: string;
  expiresAt: number;
}

/**
 * Delivers a sign-in code to a phone. A deployment plugs in its SMS gateway here;
 * the default is the development sender below.
 */
export interface OtpSender {
  send(message: OtpMessage): Promise<void>;
}

export interface DevInboxEntry extends OtpMessage {
  sentAt: number;
}

/** The development sender, which also keeps what it "sent" for the demo-mode inbox. */
export interface DevOtpSender extends OtpSender {
  inbox(phone: string): DevInboxEntry[];
}

const inboxLimit = 200;

/**
 * Writes each code to the server log (clearly marked, at info) and to an in-memory
 * inbox, so a demo or a test can sign in without a real SMS gateway.
 *
 * @example
 * const sender = createDevOtpSender(log, clock); await sender.send({ phone, code, expiresAt });
 */
export function createDevOtpSender(log: Logger, clock: { now(): number }): DevOtpSender {
  const sent: DevInboxEntry[] = [];
  return {
    async send(message) {
      sent.push({ ...message, sentAt: clock.now() });
      if (sent.length > inboxLimit) sent.splice(0, sent.length - inboxLimit);
      // The code is in the message text on purpose: this sender exists to show it.
      log.info(
        { sender: 'dev-otp', phone: message.phone },
        `[dev OTP sender, not an SMS] sign-in code for ${message.phone}: ${message.code}`,
      );
    },
    inbox(phone) {
      return sent.filter((m) => m.phone === phone).reverse();
    },
  };
}
