// Orders this device placed, newest first, kept in storage for the "My orders" tab.
const KEY = 'takeout.orders';

function listOrders() {
  return tt.getStorageSync(KEY) || [];
}

function recordOrder(order) {
  tt.setStorageSync(KEY, [order, ...listOrders()]);
}

module.exports = { listOrders, recordOrder };
