const cart = require('../../store/cart.js');
const { formatYuan } = require('../../money/format.js');
const { call } = require('../../checkout/call.js');
const { openSession, createOrder } = require('../../checkout/merchant.js');
const { pay } = require('../../checkout/pay.js');
const { recordOrder } = require('../../checkout/history.js');

Page({
  data: {
    lines: [],
    count: 0,
    totalCents: 0,
    totalText: formatYuan(0),
    remark: '',
    submitting: false,
    error: '',
  },

  onLoad() {
    const s = cart.summary();
    if (s.count === 0) {
      // Nothing to confirm: back to the menu, also when the page was opened directly (a link).
      if (getCurrentPages().length > 1) tt.navigateBack();
      else tt.switchTab({ url: '/pages/shop/shop' });
      return;
    }
    this.setData({
      lines: s.items.map((item) => ({ ...item, subtotalText: formatYuan(item.subtotalCents) })),
      count: s.count,
      totalCents: s.totalCents,
      totalText: formatYuan(s.totalCents),
    });
  },

  onRemarkInput(e) {
    this.setData({ remark: e.detail.value });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    this.setData({ submitting: true, error: '' });
    try {
      await this.placeOrder();
    } catch (err) {
      this.setData({ error: err.message || 'Something went wrong' });
    } finally {
      this.setData({ submitting: false });
    }
  },

  async placeOrder() {
    let login;
    try {
      login = await call(tt.login, { force: true });
    } catch {
      throw new Error('Please log in to place your order');
    }
    const token = await openSession(login.code);
    const s = cart.summary();
    const order = await createOrder(token, {
      items: s.items.map((item) => ({ dishId: item.id, quantity: item.quantity })),
      remark: this.data.remark,
      totalCents: s.totalCents,
    });
    const outcome = await pay(order.orderId, order.orderToken);
    if (outcome === 'cancelled' || outcome === 'closed') {
      tt.showToast({ title: 'Payment cancelled', icon: 'none' });
      return;
    }
    if (outcome === 'paid') {
      recordOrder({
        id: order.orderId,
        totalCents: order.totalCents,
        totalText: formatYuan(order.totalCents),
        summary: s.items.map((item) => `${item.name} x${item.quantity}`).join(', '),
        remark: this.data.remark,
      });
      cart.clear();
    }
    tt.redirectTo({
      url: `/pages/result/result?status=${outcome}&orderId=${order.orderId}&totalCents=${order.totalCents}`,
    });
  },
});
