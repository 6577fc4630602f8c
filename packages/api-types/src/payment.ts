/**
 * What `tt.pay` reports in `success({ code })`: the cashier opened, and this is how it ended.
 *
 * @example
 * tt.pay({ orderInfo, service: 5, success: ({ code }) => code === PayResultCode.Paid && done() });
 */
export const PayResultCode = {
  Paid: 0,
  Timeout: 1,
  Failed: 2,
  Closed: 3,
  Cancelled: 4,
  /** The developer must query the order's state on their server. */
  Unknown: 9,
} as const;

export type PayResultCode = (typeof PayResultCode)[keyof typeof PayResultCode];
