/** What the host hands a page's view frame (ports: protocol, control). */
export interface ViewFramePayload {
  pageId: string;
  /** The package's `view.js`. */
  view: string;
  /** Window settings of the page: `app.json` window merged with the page's json. */
  window: PageWindow;
  /** Origins `<web-view>` may show. */
  webViewOrigins: string[];
  safeArea: { top: number; right: number; bottom: number; left: number };
}

export interface PageWindow {
  backgroundColor?: string;
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
  disableScroll?: boolean;
  backgroundTextStyle?: string;
}

/** Host ↔ view frame, outside the protocol: chrome only, never program data. */
export type ViewControl =
  | { control: 'ready' }
  | { control: 'pull-down'; active: boolean }
  | { control: 'failed'; message: string };
