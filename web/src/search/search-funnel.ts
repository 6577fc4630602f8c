import { api } from '../api.ts';

/**
 * The search funnel as the super app sees it: a result tapped, then the app it opened,
 * then an order paid in that app. The mini-program sheet and the payment sheet report
 * here; only an app opened from a search result counts, and each step once per search.
 */
interface Attribution {
  searchId: string;
  resultId: string;
  appid: string;
}

let current: Attribution | null = null;

function report(searchId: string, step: 'tap' | 'open' | 'order', resultId: string) {
  return api('POST', '/api/search/steps', { search_id: searchId, step, result_id: resultId }).catch(
    (error: unknown) => console.warn('search funnel step not recorded', step, error),
  );
}

export const searchFunnel = {
  tapped(searchId: string | null, resultId: string, appid: string | null) {
    if (!searchId) return;
    void report(searchId, 'tap', resultId);
    current = appid ? { searchId, resultId, appid } : null;
  },
  /** A mini program opened: counts when the last tapped result opens this app. */
  opened(appid: string) {
    if (current && current.appid === appid) void report(current.searchId, 'open', current.resultId);
    else current = null;
  },
  /** An order was paid in a mini program: counts when that app was opened from search. */
  paid(appid: string) {
    if (current && current.appid === appid) void report(current.searchId, 'order', current.resultId);
  },
};
