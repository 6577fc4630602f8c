import type { FastifyInstance } from 'fastify';
import type { AppsService } from '../apps/index.ts';
import { consolePaymentRoutes } from './console.routes.ts';
import { consoleSettlementRoutes } from './console-settlement.routes.ts';
import { paymentsRoutes } from './payments.routes.ts';
import type { PaymentsService } from './payments.service.ts';
import { runtimePaymentRoutes } from './runtime.routes.ts';

/** Guaranteed payment's HTTP surface: the merchant's server API, the developer console's and the end user's. */
export async function paymentsPlugin(
  app: FastifyInstance,
  options: { payments: PaymentsService; apps: Pick<AppsService, 'requireRole'> },
): Promise<void> {
  await app.register(paymentsRoutes, options);
  await app.register(consolePaymentRoutes, options);
  await app.register(consoleSettlementRoutes, options);
  await app.register(runtimePaymentRoutes, options);
}
