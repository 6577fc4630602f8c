import { CodedApiError, failReason } from './api-conventions.ts';
import type { UserActivation } from './create-api.ts';
import type { HostCapabilities } from './host-capabilities.ts';

type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

/**
 * The platform's reasons for refusing `tt.requestOrder`, with their `errNo`. Douyin publishes
 * no numbers for these cases; these are Plaza's, stable, from the trade system's range
 * (docs/errors.md, "Douyin numbers").
 */
export const requestOrderFailures: Record<string, number> = {
  'invalid params': 28001005,
  'byteAuthorization is invalid': 28001016,
  'signature verification failed': 28001016,
  'byteAuthorization timestamp expired': 28001017,
  'public key not registered or key_version unknown': 28001018,
};

/** `getOrderPayment`'s outcome codes (as `pay`'s) other than 0, as fail reasons. */
const paymentFailures: Record<number, string> = {
  1: 'payment timed out',
  2: 'payment failed',
  3: 'order closed',
  4: 'cancel',
};

/**
 * Douyin's trade system in the program: `tt.requestOrder({ data, byteAuthorization })`
 * makes the order (the platform checks the merchant's signature), `tt.getOrderPayment({
 * orderId })` opens the cashier for it.
 */
export function installTradeMembers(
  define: Define,
  host: HostCapabilities,
  activation: UserActivation | undefined,
): void {
  define('requestOrder', async (o) => {
    if (typeof o.data !== 'string' || o.data === '' || typeof o.byteAuthorization !== 'string') {
      throw new CodedApiError(28001005, 'invalid params');
    }
    try {
      return await host.requestOrder({ data: o.data, byteAuthorization: o.byteAuthorization });
    } catch (error) {
      const reason = failReason(error);
      const code = requestOrderFailures[reason];
      throw code === undefined ? error : new CodedApiError(code, reason);
    }
  });
  define('getOrderPayment', async (o) => {
    if (typeof o.orderId !== 'string' || o.orderId === '')
      throw new CodedApiError(28001005, 'invalid params');
    try {
      const { code } = await host.getOrderPayment({ orderId: o.orderId });
      if (code !== 0) throw new Error(paymentFailures[code] ?? 'payment failed');
      return { orderId: o.orderId };
    } finally {
      // The payment's callbacks may ask for subscriptions, as after tt.pay.
      activation?.grant();
    }
  });
}
