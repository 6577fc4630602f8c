import type { ApiEvents } from './api-events.ts';

type Query = Record<string, string>;

/**
 * WeChat's route events (`wx.onBeforeAppRoute`, `onAppRoute`, `onAppRouteDone`,
 * `onBeforePageLoad`, `onAfterPageLoad`, `onBeforePageUnload`, `onAfterPageUnload`), as the
 * logic layer runs a launch or a navigation. One route has one `routeEventId`, shared by the
 * page loads and unloads it causes.
 */
export class RouteEvents {
  private next = 1;
  private route: { id: string; openType: string } | undefined;

  constructor(private readonly events: ApiEvents) {}

  /** A launch (`appLaunch`) or a navigation (`navigateTo`…) is about to run toward `path`. */
  begin(openType: string, path: string, query: Query, notFound = false): void {
    this.route = { id: `route-${this.next++}`, openType };
    this.events.emit('BeforeAppRoute', {
      ...this.common(path, query),
      notFound,
      renderer: 'webview',
      page: {},
    });
  }

  /** The route ran: `top` is the page now shown. */
  end(path: string, query: Query, webviewId: number): void {
    const route = this.route;
    if (!route) return;
    this.events.emit('AppRoute', {
      ...this.common(path, query),
      notFound: false,
      renderer: 'webview',
      page: {},
    });
    this.events.emit('AppRouteDone', { ...this.common(path, query), timeStamp: Date.now(), webviewId });
    this.route = undefined;
  }

  /** The route stopped before it changed anything. */
  abandon(): void {
    this.route = undefined;
  }

  pageLoad(stage: 'before' | 'after', path: string, query: Query, page: unknown): void {
    const base = { ...this.common(path, query), componentFramework: 'exparser' };
    if (stage === 'before') this.events.emit('BeforePageLoad', base);
    else this.events.emit('AfterPageLoad', { ...base, page });
  }

  pageUnload(stage: 'before' | 'after', path: string, page: unknown): void {
    const base = { path, routeEventId: this.route?.id ?? '' };
    if (stage === 'before') this.events.emit('BeforePageUnload', { ...base, page });
    else this.events.emit('AfterPageUnload', base);
  }

  private common(path: string, query: Query) {
    return {
      path,
      query: { ...query },
      openType: this.route?.openType ?? '',
      routeEventId: this.route?.id ?? '',
    };
  }
}
