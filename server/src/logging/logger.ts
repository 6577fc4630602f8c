import pino, { type Logger } from 'pino';

/** Paths never written to a log line: credentials, secrets and one-time codes. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.session_key',
  '*.code',
  '*.otp',
  '*.order_token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: { service: 'plaza' },
    },
    destination,
  );
}

export type { Logger };
