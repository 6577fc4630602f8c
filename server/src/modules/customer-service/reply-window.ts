import type { ConversationRow } from './customer-service.table.ts';
import { supportErrors } from './errors.ts';

/** The merchant's reply window (Douyin's): 48 hours after the user's last line, 5 answers to it. */
export interface ReplyWindow {
  windowMs: number;
  max: number;
}

export const douyinReplyWindow: ReplyWindow = { windowMs: 48 * 3_600_000, max: 5 };

/**
 * Why the merchant may not answer now, as the coded error; undefined when it may. The
 * claim itself is the repository's conditional update: this only names the refusal.
 */
export function replyRefusal(conversation: ConversationRow | undefined, now: number, window: ReplyWindow) {
  if (!conversation || conversation.last_user_message_at === null) return supportErrors.NO_USER_MESSAGE();
  if (conversation.blocked_at !== null) return supportErrors.BLOCKED();
  const closesAt = Number(conversation.last_user_message_at) + window.windowMs;
  if (now > closesAt) return supportErrors.REPLY_WINDOW_CLOSED({ closed_at: closesAt });
  if (Number(conversation.replies_since_user) >= window.max)
    return supportErrors.REPLY_LIMIT_REACHED({ limit: window.max });
  return undefined;
}
