import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionOf, divideSettlement } from './settlement-split.ts';

const amountArb = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const bpsArb = fc.integer({ min: 0, max: 10000 });

describe('settlement arithmetic', () => {
  it('always adds up to the settled amount, with no negative part', () => {
    fc.assert(
      fc.property(
        amountArb,
        bpsArb,
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
        (amount, bps, shares) => {
          const splits = shares.map((a, i) => ({ receiverId: `rcv_${i}`, amount: a }));
          const d = divideSettlement(amount, bps, splits);
          if (!d.ok) {
            expect(d.refusal).toBe('splits_exceed_remainder');
            expect(shares.reduce((s, a) => s + a, 0)).toBeGreaterThan(amount - commissionOf(amount, bps));
            return;
          }
          const p = d.parts;
          expect(BigInt(p.commission) + BigInt(p.splitTotal) + BigInt(p.merchant)).toBe(BigInt(amount));
          expect(p.splits.reduce((s, x) => s + x.amount, 0)).toBe(p.splitTotal);
          expect(p.commission).toBeGreaterThanOrEqual(0);
          expect(p.merchant).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('rounds the commission half up, exactly, even past 2^53 intermediate products', () => {
    fc.assert(
      fc.property(amountArb, bpsArb, (amount, bps) => {
        const c = BigInt(commissionOf(amount, bps));
        // c is the nearest integer to amount·bps/10000, ties up: 10000c - 5000 <= amount·bps < 10000c + 5000
        const exact = BigInt(amount) * BigInt(bps);
        expect(10000n * c - 5000n <= exact && exact < 10000n * c + 5000n).toBe(true);
      }),
    );
    expect(commissionOf(1999, 250)).toBe(50);
    expect(commissionOf(20, 250)).toBe(1); // 0.5 rounds up
    expect(commissionOf(19, 250)).toBe(0);
  });

  it('refuses splits above the remainder, bad shares and bad rates', () => {
    expect(divideSettlement(1000, 300, [{ receiverId: 'a', amount: 971 }])).toEqual({
      ok: false,
      refusal: 'splits_exceed_remainder',
    });
    expect(divideSettlement(1000, 300, [{ receiverId: 'a', amount: 970 }])).toMatchObject({
      ok: true,
      parts: { commission: 30, splitTotal: 970, merchant: 0 },
    });
    expect(divideSettlement(1000, 300, [{ receiverId: 'a', amount: 0 }])).toMatchObject({
      refusal: 'split_invalid',
    });
    expect(
      divideSettlement(1000, 300, [
        { receiverId: 'a', amount: 1 },
        { receiverId: 'a', amount: 1 },
      ]),
    ).toMatchObject({ refusal: 'split_invalid' });
    expect(divideSettlement(1000, 10001, [])).toMatchObject({ refusal: 'rate_invalid' });
    expect(divideSettlement(0, 300, [])).toMatchObject({ refusal: 'amount_invalid' });
  });
});
