import { dayLongRetryPolicy, defineJob, type JobQueue } from '../../jobs/index.ts';

/**
 * Payments' background work, each enqueued in the transaction that makes it due:
 * closing an order when its validity passes, settling it when the holding period
 * passes, and giving a refund back through the channel. Each handler checks the state
 * first, so a second run does nothing.
 */
export const paymentJobTypes = {
  close: 'payments.close-order',
  autoSettle: 'payments.auto-settle',
  returnFunds: 'payments.return-funds',
} as const;

interface Handlers {
  close(orderId: string): Promise<unknown>;
  autoSettle(orderId: string): Promise<unknown>;
  returnFunds(refundId: string): Promise<unknown>;
}

function idPayload(field: 'orderId' | 'refundId') {
  return (payload: unknown) => {
    const value = (payload as Record<string, unknown> | null)?.[field];
    if (typeof value !== 'string') throw new Error(`bad payload: ${field} missing`);
    return { [field]: value } as Record<typeof field, string>;
  };
}

export function registerPaymentJobs(jobs: Pick<JobQueue, 'register'>, handlers: Handlers): void {
  jobs.register(
    defineJob<Record<'orderId', string>>({
      type: paymentJobTypes.close,
      parse: idPayload('orderId'),
      handle: async (job) => void (await handlers.close(job.payload.orderId)),
    }) as Parameters<JobQueue['register']>[0],
    defineJob<Record<'orderId', string>>({
      type: paymentJobTypes.autoSettle,
      retry: dayLongRetryPolicy,
      parse: idPayload('orderId'),
      handle: async (job) => void (await handlers.autoSettle(job.payload.orderId)),
    }) as Parameters<JobQueue['register']>[0],
    defineJob<Record<'refundId', string>>({
      type: paymentJobTypes.returnFunds,
      retry: dayLongRetryPolicy,
      parse: idPayload('refundId'),
      handle: async (job) => void (await handlers.returnFunds(job.payload.refundId)),
    }) as Parameters<JobQueue['register']>[0],
  );
}
