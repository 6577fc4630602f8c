/**
 * How a settled amount divides: the platform's commission by the industry's rate in
 * basis points, rounded half up on the commission (so the platform never takes a
 * fraction of a minor unit it did not earn, and ties go to the platform as in
 * Douyin's own settlements); then the splits, which may take at most what is left
 * after commission; then the merchant gets the remainder. The parts always add up.
 */
export interface SplitShare {
  receiverId: string;
  amount: number;
}

export interface SettlementParts {
  amount: number;
  commissionBps: number;
  commission: number;
  splits: SplitShare[];
  splitTotal: number;
  merchant: number;
}

export type SplitRefusal = 'amount_invalid' | 'rate_invalid' | 'split_invalid' | 'splits_exceed_remainder';

export type SplitDecision = { ok: true; parts: SettlementParts } | { ok: false; refusal: SplitRefusal };

/**
 * The commission on `amount` at `bps` basis points, rounded half up. Computed in
 * BigInt because amount × bps can pass 2^53 for large orders.
 *
 * @example
 * commissionOf(1999, 250) // 50 (49.975 rounds up)
 */
export function commissionOf(amount: number, bps: number): number {
  return Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n);
}

/**
 * @example
 * divideSettlement(10000, 300, [{ receiverId: 'rcv_1', amount: 1000 }])
 * // { ok: true, parts: { commission: 300, splitTotal: 1000, merchant: 8700, … } }
 */
export function divideSettlement(
  amount: number,
  commissionBps: number,
  splits: readonly SplitShare[],
): SplitDecision {
  if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: false, refusal: 'amount_invalid' };
  if (!Number.isInteger(commissionBps) || commissionBps < 0 || commissionBps > 10000)
    return { ok: false, refusal: 'rate_invalid' };
  const seen = new Set<string>();
  let splitTotal = 0;
  for (const split of splits) {
    if (!Number.isSafeInteger(split.amount) || split.amount <= 0 || seen.has(split.receiverId))
      return { ok: false, refusal: 'split_invalid' };
    seen.add(split.receiverId);
    splitTotal += split.amount;
  }
  const commission = commissionOf(amount, commissionBps);
  if (splitTotal > amount - commission) return { ok: false, refusal: 'splits_exceed_remainder' };
  return {
    ok: true,
    parts: {
      amount,
      commissionBps,
      commission,
      splits: splits.map((s) => ({ receiverId: s.receiverId, amount: s.amount })),
      splitTotal,
      merchant: amount - commission - splitTotal,
    },
  };
}
