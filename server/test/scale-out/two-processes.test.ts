import { describe, expect, it } from 'vitest';
import { runPaymentLoad } from '../support/payment-load.ts';
import { createTestTarget, testEngines } from '../support/test-database.ts';

// The scale-out in small (the full one, with 1, 2 and 3 processes and its figures, is
// `npm run bench -- scale`): two server processes on one PostgreSQL database share one
// app's payments, refunds and settlements. Nothing deadlocks, no request fails, every paid
// order's callback reaches the merchant, and the ledger audit is clean. No timing is asserted.
describe.runIf(testEngines.includes('postgres'))('two server processes on one PostgreSQL', () => {
  it('share one app’s payment load without a deadlock, a failure or an audit problem', {
    timeout: 600_000,
  }, async () => {
    const target = await createTestTarget('postgres', { ownDatabase: true });
    try {
      const result = await runPaymentLoad(target, {
        processes: 2,
        seconds: 4,
        warmupSeconds: 1,
        connections: 6,
      });
      expect(result.failures).toEqual([]);
      expect(result.paid).toBeGreaterThan(0);
      expect(result.settlements + result.refunds).toBeGreaterThan(0);
      expect(result.deadlocks).toBe(0);
      expect(result.audit).toEqual([]);
      expect(result.paidCallbacks).toBeGreaterThanOrEqual(result.paid);
    } finally {
      await target.drop();
    }
  });
});
