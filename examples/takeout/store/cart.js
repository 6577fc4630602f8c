// The cart is one module-level store: every component that mixes in the cart behaviour
// subscribes to it, so the dish cards and the cart bar can never disagree.
const listeners = [];
let lines = [];

function notify() {
  const snapshot = summary();
  for (const listener of listeners.slice()) listener(snapshot);
}

function add(dish) {
  const line = lines.find((l) => l.dish.id === dish.id);
  if (line) line.quantity += 1;
  else lines.push({ dish, quantity: 1 });
  notify();
}

function remove(dishId) {
  const line = lines.find((l) => l.dish.id === dishId);
  if (!line) return;
  line.quantity -= 1;
  if (line.quantity <= 0) lines = lines.filter((l) => l !== line);
  notify();
}

function clear() {
  lines = [];
  notify();
}

function quantityOf(dishId) {
  const line = lines.find((l) => l.dish.id === dishId);
  return line ? line.quantity : 0;
}

function summary() {
  let count = 0;
  let totalCents = 0;
  const quantities = {};
  const items = lines.map((l) => {
    const subtotalCents = l.dish.priceCents * l.quantity;
    count += l.quantity;
    totalCents += subtotalCents;
    quantities[l.dish.id] = l.quantity;
    return {
      id: l.dish.id,
      name: l.dish.name,
      priceCents: l.dish.priceCents,
      quantity: l.quantity,
      subtotalCents,
    };
  });
  return { count, totalCents, items, quantities };
}

function subscribe(listener) {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

module.exports = { add, remove, clear, quantityOf, summary, subscribe };
