import type { FastifyInstance } from 'fastify';
import { paymentsRoutes } from './payments.routes.ts';
import type { PaymentsService } from './payments.service.ts';
import { runtimePaymentRoutes } from './runtime.routes.ts';

/** Guaranteed payment's HTTP surface: the merchant's server API and the end user's. */
export async function paymentsPlugin(
  app: FastifyInstance,
  options: { payments: PaymentsService },
): Promise<void> {
  await app.register(paymentsRoutes, options);
  await app.register(runtimePaymentRoutes, options);
}
