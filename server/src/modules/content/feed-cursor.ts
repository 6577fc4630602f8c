import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The feed cursor: the scrolling session whose served videos are not served again,
 * signed so a client cannot forge or edit one.
 */
const position = z.object({
  s: z.string().max(64).optional(),
});
export type FeedPosition = z.infer<typeof position>;

export function encodeCursor(key: Buffer, pos: FeedPosition): string {
  const body = Buffer.from(JSON.stringify(pos)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The position, or undefined when the cursor is malformed or its signature is wrong. */
export function decodeCursor(key: Buffer, cursor: string): FeedPosition | undefined {
  const [body, mac, extra] = cursor.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = position.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
}
