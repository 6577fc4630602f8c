/**
 * A scenario is everything the host would decide for a mini program: who the user is,
 * how payment ends, what the merchant's server answers, what the user taps in a modal.
 * Tests set one per launch; anything left out gets a plain, successful default.
 *
 * @example
 * launch(dir, { scenario: { login: 'denied' } });
 * launch(dir, { scenario: { payment: 'cancelled', requests: { 'POST /api/orders': () => ({ body: { orderId: 'o1' } }) } } });
 */
export interface Scenario {
  /** `tt.login`/`wx.login`: a code to hand out, or `'denied'` when the user refuses. */
  login?: { code?: string; anonymousCode?: string } | 'denied';
  /** The profile `getUserInfo`/`getUserProfile` return, or `'denied'`. */
  userInfo?: { nickName: string; avatarUrl?: string } | 'denied';
  /** How the cashier ends (`tt.pay`, `wx.requestPayment`), or a function of the order. */
  payment?: PaymentOutcome | ((order: Record<string, unknown>) => PaymentOutcome);
  /**
   * `request` handlers by `METHOD url`, `METHOD /path`, `url` or `/path` (query excluded).
   * A value that is not a function is sent back as the body with status 200.
   */
  requests?: Record<string, RequestHandler | ResponseBody>;
  /** The button tapped in `showModal` (`confirm` by default), or a function of the modal. */
  modal?: 'confirm' | 'cancel' | ((modal: Record<string, unknown>) => 'confirm' | 'cancel');
  /** The item chosen in `showActionSheet`, or `'cancel'`. */
  actionSheet?: number | 'cancel';
  /** Storage contents before launch. */
  storage?: Record<string, unknown>;
  /** Overrides of the device `getSystemInfo` reports. */
  systemInfo?: Record<string, unknown>;
  /** Replaces the answer of any host capability by name; a thrown error becomes `fail`. */
  apis?: Partial<Record<string, (...args: never[]) => unknown>>;
  /** The user's answer to every consent (`authorize`), by scope; unlisted scopes are allowed. */
  consent?: Record<string, boolean>;
  /**
   * WebSocket servers by URL (`wss://chat.example/ws`): each text the program sends gets the
   * handler's answer back (nothing for `undefined`). A URL not listed refuses the connection.
   */
  sockets?: Record<string, (message: string) => string | undefined>;
  /** What `scanCode` reads; `cancel` (the default) backs out. */
  scan?: string | 'cancel';
  /** Where the user points in `chooseLocation`; without one the user backs out. */
  location?: { name: string; address: string; latitude: number; longitude: number };
  /** The address the user picks in `chooseAddress`; without one the user backs out. */
  address?: Record<string, string>;
  /** Sizes of the images `getImageInfo` can load, by URL (`data:` URLs for the app's files). */
  images?: Record<string, { width: number; height: number; type?: string }>;
  /** What the user picks in `chooseImage`/`chooseMedia`; `cancel` (the default) backs out. */
  chooseFiles?: Array<{ name: string; type: string; content: string }> | 'cancel';
  /** What `getNetworkType` reports; `'none'` when offline. Default `wifi`. */
  networkType?: string;
}

export type PaymentOutcome = 'paid' | 'timeout' | 'failed' | 'closed' | 'cancelled';

export interface SimulatedRequest {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface SimulatedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A canned response body (sent with status 200). */
export type ResponseBody = string | number | boolean | null | readonly unknown[] | { [key: string]: unknown };

export type RequestHandler = (request: SimulatedRequest) => SimulatedResponse | Promise<SimulatedResponse>;
