import type { FastifyInstance } from 'fastify';
import { orderRoutes } from './order.routes.ts';
import type { PaymentsRouteOptions } from './payments.schemas.ts';
import { refundRoutes } from './refund.routes.ts';
import { settlementRoutes } from './settlement.routes.ts';

/** The merchant's server API (client token): orders, refunds, settlement, receivers, statements. */
export async function paymentsRoutes(app: FastifyInstance, options: PaymentsRouteOptions): Promise<void> {
  await app.register(orderRoutes, options);
  await app.register(refundRoutes, options);
  await app.register(settlementRoutes, options);
}
