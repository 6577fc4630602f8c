import { createRequire } from 'node:module';

/**
 * The shop's menu, read from the very file the mini program ships, so the price a user
 * sees and the price the server charges cannot drift apart. The server never trusts a
 * total the client sends: it prices the items itself.
 */
export interface Dish {
  id: string;
  categoryId: string;
  name: string;
  priceCents: number;
}

const require = createRequire(import.meta.url);
const menu = require('../../menu/menu.js') as { dishes: Dish[] };
export const dishes = new Map(menu.dishes.map((d) => [d.id, d]));

export const minOrderCents = 2000;

export interface PricedLine {
  name: string;
  quantity: number;
  unit_amount: number;
}

export function priceOrder(
  items: Array<{ dishId: string; quantity: number }>,
): { lines: PricedLine[]; total: number } | { unknown: string } {
  const lines: PricedLine[] = [];
  for (const item of items) {
    const dish = dishes.get(item.dishId);
    if (!dish) return { unknown: item.dishId };
    lines.push({ name: dish.name, quantity: item.quantity, unit_amount: dish.priceCents });
  }
  return { lines, total: lines.reduce((sum, l) => sum + l.unit_amount * l.quantity, 0) };
}
