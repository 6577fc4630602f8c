import { launch, type Simulator } from '@plaza/simulator';
import { afterEach, describe, expect, it } from 'vitest';

const project = new URL('..', import.meta.url).pathname;
let sim: Simulator;
afterEach(() => sim?.close());

const plus = (dishId: string) => `#dish-${dishId} .stepper__plus`;
const minus = (dishId: string) => `#dish-${dishId} .stepper__minus`;

describe('takeout: the shop page', () => {
  it('opens on the first category with its dishes and prices in yuan', async () => {
    sim = await launch(project);
    expect(sim.page.path).toBe('pages/shop/shop');
    expect(sim.texts('.category')).toEqual(['Noodles (3)', 'Rice bowls (3)', 'Sides (2)', 'Drinks (2)']);
    expect(sim.texts('.dish-card__name')).toEqual([
      'Braised beef noodles',
      'Dan dan noodles',
      'Zha jiang noodles',
    ]);
    expect(sim.texts('.dish-card__price')).toEqual(['¥28.00', '¥18.50', '¥19.90']);
    expect(sim.text('.cart-bar__empty')).toBe('Your bag is empty');
    expect(sim.errors).toEqual([]);
  });

  it('switches category on tap and honours a category in the launch query', async () => {
    sim = await launch(project);
    await sim.tap('.category[data-id="drinks"]');
    expect(sim.page.data.activeCategoryId).toBe('drinks');
    expect(sim.texts('.dish-card__name')).toEqual(['Sour plum juice', 'Fresh soy milk']);
    expect(sim.query('.category--active')?.getAttribute('data-id')).toBe('drinks');
    sim.close();

    sim = await launch(project, { query: { category: 'sides' } });
    expect(sim.texts('.dish-card__name')).toEqual(['Smashed cucumber', 'Pork dumplings (8)']);
  });

  it('adds and removes dishes, keeping counts and totals in integer cents', async () => {
    sim = await launch(project);
    await sim.tap(plus('beef-noodles'));
    await sim.tap(plus('beef-noodles'));
    await sim.tap(plus('zha-jiang'));
    await sim.tap(plus('zha-jiang'));
    await sim.tap(plus('zha-jiang'));
    // 2 × 28.00 + 3 × 19.90 = 115.70, exact because it is summed in cents.
    expect(sim.text('#dish-beef-noodles .stepper__count')).toBe('2');
    expect(sim.text('.cart-bar__count')).toBe('5');
    expect(sim.text('.cart-bar__total')).toBe('¥115.70');
    expect(sim.component('cart-bar').data).toMatchObject({ cartCount: 5, cartTotalCents: 11570 });
    expect(sim.component('#dish-zha-jiang .stepper__plus').path).toBe('components/dish-card/dish-card');

    await sim.tap(minus('zha-jiang'));
    expect(sim.text('.cart-bar__total')).toBe('¥95.80');
    await sim.tap(minus('beef-noodles'));
    await sim.tap(minus('beef-noodles'));
    expect(sim.query(minus('beef-noodles'))).toBeNull();
    expect(sim.text('.cart-bar__count')).toBe('2');
  });

  it('keeps the stepper and the cart bar in step through the shared cart behaviour', async () => {
    sim = await launch(project);
    await sim.tap(plus('dan-dan'));
    await sim.tap(plus('dan-dan'));
    await sim.tap('.cart-bar__bag');
    expect(sim.texts('.cart-line__name')).toEqual(['Dan dan noodles']);
    expect(sim.text('.cart-line__subtotal')).toBe('¥37.00');
    await sim.tap('.cart-line__plus');
    expect(sim.text('#dish-dan-dan .stepper__count')).toBe('3');
    await sim.tap('.cart-bar__clear');
    expect(sim.query('#dish-dan-dan .stepper__count')).toBeNull();
    expect(sim.text('.cart-bar__empty')).toBe('Your bag is empty');
  });

  it('refuses a sold-out dish with a toast', async () => {
    sim = await launch(project, { query: { category: 'rice' } });
    expect(sim.text('#dish-pork-rice .dish-card__sold-out')).toBe('Sold out');
    await sim.tap(plus('pork-rice'));
    expect(sim.ui.toasts).toEqual(['Twice-cooked pork rice is sold out']);
    expect(sim.query('.cart-bar__count')).toBeNull();
  });

  it('holds checkout until the minimum order, then opens the confirmation page', async () => {
    sim = await launch(project, { query: { category: 'drinks' } });
    await sim.tap(plus('soy-milk'));
    expect(sim.text('.cart-bar__shortfall')).toBe('¥15.50 more to order');
    expect(sim.query('.cart-bar__checkout')).toBeNull();
    for (let i = 0; i < 4; i++) await sim.tap(plus('soy-milk'));
    expect(sim.text('.cart-bar__total')).toBe('¥22.50');
    await sim.tap('.cart-bar__checkout');
    await sim.waitFor(() => sim.page.path === 'pages/confirm/confirm');
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/shop/shop', 'pages/confirm/confirm']);
    expect(sim.texts('.confirm-line__name')).toEqual(['Fresh soy milk']);
    expect(sim.text('.confirm__total-amount')).toBe('¥22.50');
    expect(sim.snapshot()).toMatchSnapshot();
  });
});
