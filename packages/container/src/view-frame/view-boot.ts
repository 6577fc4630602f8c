import type { IntersectionEntry, ViewCommand } from '@plaza/runtime';

/**
 * What the host hands a page's view frame when it boots (ports: protocol, control). The page
 * itself comes later, in a `page` control message: frames boot ahead of navigation.
 */
export interface ViewFramePayload {
  /** The package's `view.js`. */
  view: string;
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

import type { ComponentRequest } from '../components/index.ts';

/** Host ↔ view frame, outside the protocol: chrome only, never program data. */
export type ViewControl =
  | { control: 'ask'; id: number; request: ComponentRequest }
  | { control: 'answer'; id: number; ok: true; value: unknown }
  | { control: 'answer'; id: number; ok: false; error: string }
  | { control: 'page'; pageId: string; window: PageWindow }
  | { control: 'ready' }
  | { control: 'pull-down'; active: boolean }
  | { control: 'failed'; message: string }
  /** A video of the page went into picture-in-picture, or came out of it. */
  | { control: 'pip'; active: boolean }
  /** A program's command on its page (`wx.pageScrollTo`, `wx.hideKeyboard`…), answered by `command.done`. */
  | { control: 'command'; id: number; command: ViewCommand }
  | { control: 'command.done'; id: number; error?: string; value?: unknown }
  /** What an intersection observer of the program saw. */
  | { control: 'intersection'; entry: IntersectionEntry }
  /**
   * `plaza dev`: statements of a newer `view.js` redefining the modules `ids`; the page
   * renders again with its data.
   */
  | { control: 'hot'; view: string; ids: string[] };
