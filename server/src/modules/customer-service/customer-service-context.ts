import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import { douyinReplyWindow, type ReplyWindow } from './reply-window.ts';
import type { OrderCard } from './support.model.ts';
import type { SupportFeed } from './support-feed.ts';

export interface CustomerServiceLimits extends ReplyWindow {
  /** The largest image a line may carry. */
  imageBytes: number;
}

export const defaultSupportLimits: CustomerServiceLimits = {
  ...douyinReplyWindow,
  imageBytes: 2 * 1024 * 1024,
};

export interface CustomerServiceDeps {
  db: Db;
  clock: Clock;
  /** Where chat images are kept, by their bytes' hash. */
  blobs: BlobStore;
  apps: Pick<AppsService, 'get' | 'findByAppid' | 'requireRole'>;
  login: Pick<LoginService, 'resolveOpenid' | 'pairwiseIdsOf'>;
  webhooks: Pick<WebhooksService, 'enqueueEvent'>;
  /** Where each line is announced to the streams open in every process (users' and agents'). */
  feed: SupportFeed;
  /** The user's orders with the app, newest first (payments, through the composition root). */
  ordersOf(appId: string, userId: string): Promise<OrderCard[]>;
  /** Told of each report a user files against an app: a complaint in the merchant's service record. */
  complaints?: { filed(event: { appid: string; userId: string }): Promise<void> };
  limits?: Partial<CustomerServiceLimits>;
}

/** What the parts of the customer service share. */
export function supportContext(deps: CustomerServiceDeps) {
  return { ...deps, limits: { ...defaultSupportLimits, ...deps.limits } };
}

export type SupportContext = ReturnType<typeof supportContext>;
