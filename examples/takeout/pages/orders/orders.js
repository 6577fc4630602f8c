const { listOrders } = require('../../checkout/history.js');

const PAGE_SIZE = 10;

Page({
  data: { orders: [], total: 0, shown: 0, allShown: true },

  onShow() {
    this.load(PAGE_SIZE);
  },

  onPullDownRefresh() {
    this.load(PAGE_SIZE);
    tt.stopPullDownRefresh();
  },

  onReachBottom() {
    if (this.data.allShown) return;
    this.load(this.data.shown + PAGE_SIZE);
  },

  load(limit) {
    const all = listOrders();
    const orders = all.slice(0, limit);
    this.setData({ orders, total: all.length, shown: orders.length, allShown: orders.length >= all.length });
  },

  onReorder() {
    tt.switchTab({ url: '/pages/shop/shop' });
  },
});
