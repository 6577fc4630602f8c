import { launch, type Simulator } from '@plaza/simulator';
import { afterEach, describe, expect, it } from 'vitest';

const project = new URL('..', import.meta.url).pathname;
let sim: Simulator;
afterEach(() => sim?.close());

const pastOrders = Array.from({ length: 25 }, (_, i) => ({
  id: `o-${25 - i}`,
  totalCents: 1000 + i,
  totalText: `¥${((1000 + i) / 100).toFixed(2)}`,
  summary: 'Dan dan noodles x1',
}));

describe('takeout: a confirmation page opened by a link', () => {
  it('goes to the menu when the bag is empty', async () => {
    sim = await launch(project, { path: 'pages/confirm/confirm' });
    await sim.waitFor(() => sim.page.path === 'pages/shop/shop');
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/shop/shop']);
    expect(sim.errors).toEqual([]);
  });
});

describe('takeout: my orders', () => {
  it('shows an empty state that leads back to the menu', async () => {
    sim = await launch(project, { path: 'pages/orders/orders' });
    expect(sim.text('.orders__empty')).toContain('No orders yet.');
    await sim.tap('.orders__empty button');
    await sim.waitFor(() => sim.page.path === 'pages/shop/shop');
  });

  it('pages through stored orders when the user scrolls to the bottom', async () => {
    sim = await launch(project, {
      path: 'pages/orders/orders',
      scenario: { storage: { 'takeout.orders': pastOrders } },
    });
    expect(sim.queryAll('.order')).toHaveLength(10);
    expect(sim.text('.orders__footer')).toBe('Showing 10 of 25');
    await sim.scroll({ toBottom: true });
    expect(sim.queryAll('.order')).toHaveLength(20);
    await sim.scroll({ toBottom: true });
    expect(sim.text('.orders__footer')).toBe("That's all 25 orders");
  });

  it('reloads on pull-down refresh and stops the spinner', async () => {
    sim = await launch(project, {
      path: 'pages/orders/orders',
      scenario: { storage: { 'takeout.orders': pastOrders.slice(0, 2) } },
    });
    await sim.pullDownRefresh();
    expect(sim.texts('.order__id')).toEqual(['Order o-25', 'Order o-24']);
    expect(sim.hostCalls.some((c) => c.api === 'stopPullDownRefresh')).toBe(true);
    expect(sim.ui.refreshing).toBe(false);
  });
});
