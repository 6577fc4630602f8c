import { launch, type Scenario, type Simulator } from '@plaza/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { merchantServer } from './scenarios.ts';

const project = new URL('..', import.meta.url).pathname;
let sim: Simulator;
afterEach(() => sim?.close());

/** Opens the shop, puts two beef noodles (¥56.00) in the bag and goes to the confirmation page. */
async function confirmTwoBeefNoodles(scenario: Scenario): Promise<Simulator> {
  sim = await launch(project, { scenario });
  await sim.tap('#dish-beef-noodles .stepper__plus');
  await sim.tap('#dish-beef-noodles .stepper__plus');
  await sim.tap('.cart-bar__checkout');
  await sim.waitFor(() => sim.page.path === 'pages/confirm/confirm');
  return sim;
}

describe('takeout: checkout', () => {
  it('logs in, creates the order on the merchant server, pays and shows the result', async () => {
    const server = merchantServer();
    sim = await confirmTwoBeefNoodles({
      login: { code: 'c-42' },
      payment: 'paid',
      requests: server.requests,
    });
    await sim.input('.confirm__remark', 'No coriander');
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.page.path === 'pages/result/result');

    expect(server.orders).toHaveLength(1);
    expect(server.orders[0]!.headers.authorization).toBe('Bearer token-for-c-42');
    expect(server.orders[0]!.body).toEqual({
      items: [{ dishId: 'beef-noodles', quantity: 2 }],
      remark: 'No coriander',
      totalCents: 5600,
    });
    const pay = sim.hostCalls.find((c) => c.api === 'pay');
    expect(pay?.params).toMatchObject({ orderInfo: { order_id: 'o-1', order_token: 'tok-1' }, service: 5 });
    expect(sim.page.query).toMatchObject({ status: 'paid', orderId: 'o-1' });
    expect(sim.text('.result__title')).toBe('Order placed');
    expect(sim.text('.result__order')).toContain('¥56.00');
    // redirectTo replaced the confirmation page.
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/shop/shop', 'pages/result/result']);

    await sim.tap('.result__orders');
    await sim.waitFor(() => sim.page.path === 'pages/orders/orders');
    expect(sim.texts('.order__id')).toEqual(['Order o-1']);
    expect(sim.text('.order__summary')).toBe('Braised beef noodles x2');
  });

  it('stays on the confirmation page when the user refuses to log in', async () => {
    const server = merchantServer();
    sim = await confirmTwoBeefNoodles({ login: 'denied', requests: server.requests });
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.exists('.confirm__error'));
    expect(sim.text('.confirm__error')).toBe('Please log in to place your order');
    expect(server.orders).toHaveLength(0);
    expect(sim.hostCalls.some((c) => c.api === 'pay')).toBe(false);
    expect(sim.page.data.submitting).toBe(false);
  });

  it('keeps the bag when the user cancels payment', async () => {
    sim = await confirmTwoBeefNoodles({ payment: 'cancelled', requests: merchantServer().requests });
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.ui.toasts.includes('Payment cancelled'));
    expect(sim.page.path).toBe('pages/confirm/confirm');
    expect(sim.page.data.submitting).toBe(false);
    expect(sim.storage.get('takeout.orders')).toBeUndefined();
  });

  it('shows a failed payment without recording the order', async () => {
    sim = await confirmTwoBeefNoodles({ payment: 'failed', requests: merchantServer().requests });
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.page.path === 'pages/result/result');
    expect(sim.text('.result__title')).toBe('Payment failed');
    expect(sim.query('.result__orders')).toBeNull();
    expect(sim.storage.get('takeout.orders')).toBeUndefined();
  });

  it('tells the user the payment is being checked when the cashier times out', async () => {
    sim = await confirmTwoBeefNoodles({ payment: 'timeout', requests: merchantServer().requests });
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.page.path === 'pages/result/result');
    expect(sim.page.query.status).toBe('timeout');
    expect(sim.text('.result__title')).toBe('Checking your payment');
    expect(sim.ui.navigationBarTitle).toBe('Checking your payment');
  });

  it('tells the user when the merchant server refuses the order', async () => {
    sim = await confirmTwoBeefNoodles({ requests: merchantServer({ failOrders: true }).requests });
    await sim.tap('.confirm__submit');
    await sim.waitFor(() => sim.exists('.confirm__error'));
    expect(sim.text('.confirm__error')).toBe('A dish just sold out');
  });
});
