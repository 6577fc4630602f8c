import { defineErrors } from '../../errors/index.ts';

/** The subscription messages module's coded errors (documented in docs/errors.md). */
export const messageErrors = defineErrors('MESSAGES', {
  UNKNOWN_CATEGORY: { status: 400, message: 'No industry category has this id' },
  LONG_TERM_NOT_ALLOWED: {
    status: 403,
    message: 'Long-term templates are only for the categories the operator allows',
  },
  LIBRARY_TEMPLATE_NOT_FOUND: { status: 404, message: 'No library template has this id' },
  CATEGORY_MISMATCH: {
    status: 403,
    message: "The library template belongs to another industry category than the app's",
  },
  KEYWORDS_INVALID: {
    status: 400,
    message: 'The keyword list names a keyword the template does not have, or one twice',
  },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'This app has no template with this id' },
  TEMPLATE_BANNED: { status: 403, message: 'The operator withdrew the library template this one uses' },
  TOO_MANY_TEMPLATES: { status: 400, message: 'At most 3 templates may be asked for at once' },
  MIXED_KINDS: {
    status: 400,
    message: 'One-time and long-term templates may not be asked for in one request',
  },
  DATA_INVALID: {
    status: 400,
    message: "A keyword's value does not fit its type or length; nothing was sent",
  },
  PAGE_INVALID: {
    status: 400,
    message: 'The page must be a path of the mini program, like pages/order/detail?id=1',
  },
  CONSENT_REQUIRED: {
    status: 403,
    message: 'The user has no unused consent for this template (ask with requestSubscribeMessage)',
  },
  USER_MUTED: { status: 403, message: "The user muted this app's messages" },
  USER_QUOTA_EXCEEDED: { status: 429, message: 'The daily number of messages to this user is reached' },
  APP_QUOTA_EXCEEDED: { status: 429, message: "The app's daily number of messages is reached" },
  RATE_LIMITED: { status: 429, message: 'At most one message per second to one user' },
  EVENT_STREAM_ONLY: {
    status: 406,
    message: 'The inbox stream speaks server-sent events only: send Accept: text/event-stream',
  },
  PERIOD_INVALID: {
    status: 400,
    message: 'The period must be real days, from before to, at most 366 days',
  },
  MESSAGE_NOT_FOUND: { status: 404, message: 'No message of this app or user has this id' },
});
