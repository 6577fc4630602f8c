/**
 * Where the user's money comes from. A real provider (a bank, a wallet) implements this
 * interface; the built-in sandbox lets tests and the demo choose the outcome.
 */
export type ChargeOutcome = 'succeeded' | 'failed' | 'timed_out' | 'cancelled';

export interface ChargeRequest {
  orderId: string;
  userId: string;
  amount: number;
  currency: string;
  /** Sandbox only: the outcome the caller asked for. */
  outcome?: ChargeOutcome;
}

export interface ChargeResult {
  outcome: ChargeOutcome;
  /** The provider's reference, for reconciliation and for undoing the charge. */
  chargeId: string | null;
}

export interface PaymentChannel {
  readonly name: string;
  /** True when a request may choose its own outcome (never for real money). */
  readonly acceptsOutcome: boolean;
  /** Charges the user; must be idempotent per order id (a retry must not charge twice). */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives a charge back: the compensation when the platform could not record it, and every refund. */
  refund(request: {
    chargeId: string | null;
    orderId: string;
    amount: number;
    refundId: string;
  }): Promise<void>;
}

/**
 * The sandbox: no money moves outside the platform. The outcome is the request's own,
 * else the one set for the user (`scenario`), else success.
 *
 * @example
 * const sandbox = sandboxChannel(); sandbox.scenario('usr_1', 'timed_out');
 */
export function sandboxChannel() {
  const scenarios = new Map<string, ChargeOutcome>();
  const refunds: { chargeId: string | null; orderId: string; amount: number; refundId: string }[] = [];
  return {
    name: 'sandbox',
    acceptsOutcome: true,
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      const outcome = request.outcome ?? scenarios.get(request.userId) ?? 'succeeded';
      // Keyed by order: the same order charged again is the same charge.
      return { outcome, chargeId: outcome === 'succeeded' ? `sandbox:${request.orderId}` : null };
    },
    async refund(request: { chargeId: string | null; orderId: string; amount: number; refundId: string }) {
      refunds.push(request);
    },
    /** Sets what every charge of this user does until changed (the demo's switch). */
    scenario(userId: string, outcome: ChargeOutcome | undefined) {
      if (outcome) scenarios.set(userId, outcome);
      else scenarios.delete(userId);
    },
    /** What was given back, for tests. */
    refunds,
  } satisfies PaymentChannel & Record<string, unknown>;
}

export type SandboxChannel = ReturnType<typeof sandboxChannel>;

/** `tt.pay`'s result codes, so the container's host can resolve `tt.pay` / `wx.requestPayment`. */
export const payCodes = { paid: 0, timed_out: 1, failed: 2, closed: 3, cancelled: 4 } as const;

export function payCodeOf(outcome: ChargeOutcome): number {
  return outcome === 'succeeded' ? payCodes.paid : payCodes[outcome];
}
