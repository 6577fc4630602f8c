import { api } from '../api.ts';

export type FeedEventType =
  | 'impression'
  | 'play'
  | 'complete'
  | 'like'
  | 'share'
  | 'follow'
  | 'anchor_exposure'
  | 'anchor_click'
  | 'app_open';
interface FeedEvent {
  type: FeedEventType;
  video_id?: string;
  appid?: string;
  at: number;
}

/**
 * Feed events go to the platform in batches (every two seconds, or when 50 are waiting,
 * and when the page is hidden), so watching does not cost a request per event.
 */
export function createEventBatcher(
  send = (events: FeedEvent[]) => api('POST', '/api/feed/events', { events }),
) {
  let queue: FeedEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return Promise.resolve();
    const batch = queue.slice(0, 100);
    queue = queue.slice(100);
    return send(batch).then(
      () => undefined,
      () => undefined,
    );
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flush();
  });
  return {
    track(type: FeedEventType, fields: { video_id?: string; appid?: string }) {
      queue.push({ type, ...fields, at: Date.now() });
      if (queue.length >= 50) void flush();
      else timer ??= setTimeout(() => void flush(), 2000);
    },
    flush,
  };
}

export const feedEvents = createEventBatcher();
