import { api } from '../api.ts';

/**
 * A live room's funnel as the super app sees it: the pinned card seen, tapped, then the app
 * it opened (the mini-program sheet reports the open). The paid order the platform credits
 * to the room itself, from the open.
 */
type LiveStep = 'anchor_exposure' | 'anchor_click' | 'app_open';

let tapped: { roomId: string; appid: string } | null = null;

function report(roomId: string, step: LiveStep, appid: string) {
  return api('POST', `/api/live/rooms/${encodeURIComponent(roomId)}/steps`, { step, appid }).catch(
    (error: unknown) => console.warn('live funnel step not recorded', step, error),
  );
}

export const liveFunnel = {
  seen(roomId: string, appid: string) {
    void report(roomId, 'anchor_exposure', appid);
  },
  tapped(roomId: string, appid: string) {
    void report(roomId, 'anchor_click', appid);
    tapped = { roomId, appid };
  },
  /** A mini program opened: counts for the room whose card was tapped last, for that app. */
  opened(appid: string) {
    if (tapped && tapped.appid === appid) void report(tapped.roomId, 'app_open', appid);
    tapped = null;
  },
};
