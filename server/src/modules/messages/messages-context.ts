import type { Clock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { IndustriesService } from '../industries/index.ts';
import type { LoginService } from '../login/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import type { InboxFeed } from './inbox-feed.ts';

/** The sending limits; the platforms' own are of this kind (Douyin: one per second to a user). */
export interface MessageLimits {
  /** Messages one app may send one user per UTC day. */
  perUserPerDay: number;
  /** Messages one app may send in all per UTC day. */
  perAppPerDay: number;
  /** The least time between two messages of one app to one user. */
  userGapMs: number;
}

export const defaultMessageLimits: MessageLimits = {
  perUserPerDay: 20,
  perAppPerDay: 1_000_000,
  userGapMs: 1_000,
};

export interface MessagesDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  apps: Pick<AppsService, 'get' | 'findByAppid' | 'requireActive' | 'requireRole'>;
  login: Pick<LoginService, 'resolveOpenid' | 'pairwiseIdsOf'>;
  webhooks: Pick<WebhooksService, 'enqueueEvent'>;
  /** `workers.wake()` after a send commits: its delivery starts at once, not at the next poll. */
  jobs: Pick<JobQueue, 'enqueue' | 'register' | 'workers'>;
  /** Where delivered messages are announced to open inboxes, in every process. */
  feed: InboxFeed;
  /** Long-term templates need the capability from the app's categories (a lapsed licence stops them). */
  industries: Pick<IndustriesService['apps'], 'requireCapability' | 'industriesOf'>;
  limits?: Partial<MessageLimits>;
}

/** What the parts of the messages service share. */
export function messagesContext(deps: MessagesDeps) {
  return { ...deps, limits: { ...defaultMessageLimits, ...deps.limits } };
}

export type MessagesContext = ReturnType<typeof messagesContext>;

/** The UTC day number of a time, so both engines count quotas by the same days. */
export const utcDay = (at: number) => Math.floor(at / 86_400_000);
