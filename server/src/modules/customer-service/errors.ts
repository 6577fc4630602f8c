import { defineErrors } from '../../errors/index.ts';

/** The customer service module's coded errors (documented in docs/errors.md). */
export const supportErrors = defineErrors('SUPPORT', {
  APP_NOT_FOUND: { status: 404, message: 'No app that takes customer-service chats has this appid' },
  CONVERSATION_NOT_FOUND: { status: 404, message: 'No conversation of this app or user has this id' },
  MESSAGE_NOT_FOUND: { status: 404, message: 'No line of a conversation you take part in has this id' },
  TEXT_INVALID: {
    status: 400,
    message: 'A line of text must have 1 to 2000 characters besides white space',
  },
  NOT_AN_IMAGE: {
    status: 415,
    message: 'The bytes are not a JPEG, PNG or WebP image, whatever the declared type',
  },
  IMAGE_TOO_LARGE: { status: 413, message: 'An image in a chat may have at most 2 MB' },
  NO_USER_MESSAGE: {
    status: 403,
    message: 'The merchant may only answer a user who wrote to it: there is no line of the user to answer',
  },
  REPLY_WINDOW_CLOSED: {
    status: 403,
    message: "The merchant may answer within 48 hours of the user's last line; it has passed",
  },
  REPLY_LIMIT_REACHED: {
    status: 429,
    message: 'At most 5 answers to one line of the user; the next may follow their next line',
  },
  BLOCKED: { status: 403, message: "The user blocked this app's customer service" },
  CURSOR_INVALID: { status: 400, message: 'The cursor is not one this API handed out' },
  QUICK_REPLY_NOT_FOUND: { status: 404, message: 'This app has no quick reply with this id' },
  TOO_MANY_QUICK_REPLIES: { status: 409, message: 'An app may keep at most 50 quick replies' },
  EVENT_STREAM_ONLY: {
    status: 406,
    message: 'The chat stream speaks server-sent events only: send Accept: text/event-stream',
  },
});
