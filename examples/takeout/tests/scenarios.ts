import type { Scenario, SimulatedRequest } from '@plaza/simulator';

/** The merchant server as the takeout program expects it, answering from memory. */
export function merchantServer(options: { failOrders?: boolean } = {}) {
  const orders: SimulatedRequest[] = [];
  const requests: Scenario['requests'] = {
    'POST /api/session': (req) => ({ body: { token: `token-for-${(req.body as { code: string }).code}` } }),
    'POST /api/orders': (req) => {
      orders.push(req);
      if (options.failOrders)
        return { status: 409, body: { error: { code: 'sold_out', message: 'A dish just sold out' } } };
      const body = req.body as { totalCents: number };
      return {
        body: {
          orderId: `o-${orders.length}`,
          orderToken: `tok-${orders.length}`,
          totalCents: body.totalCents,
        },
      };
    },
  };
  return { requests, orders };
}
