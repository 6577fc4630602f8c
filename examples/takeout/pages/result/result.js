const { formatYuan } = require('../../money/format.js');

const OUTCOMES = {
  paid: { title: 'Order placed', note: 'The kitchen is on it. Estimated delivery: 30 min.' },
  timeout: {
    title: 'Checking your payment',
    note: 'Payment is taking longer than usual. We will confirm it shortly.',
  },
  failed: { title: 'Payment failed', note: 'You have not been charged. Please try again.' },
};

Page({
  data: { status: '', title: '', note: '', orderId: '', totalText: '' },

  onLoad(query) {
    const outcome = OUTCOMES[query.status] || OUTCOMES.failed;
    this.setData({
      status: OUTCOMES[query.status] ? query.status : 'failed',
      title: outcome.title,
      note: outcome.note,
      orderId: query.orderId || '',
      totalText: query.totalCents ? formatYuan(Number(query.totalCents)) : '',
    });
    tt.setNavigationBarTitle({ title: outcome.title });
  },

  onBackToShop() {
    tt.switchTab({ url: '/pages/shop/shop' });
  },

  onViewOrders() {
    tt.switchTab({ url: '/pages/orders/orders' });
  },
});
