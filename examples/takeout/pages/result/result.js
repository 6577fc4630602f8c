const { formatYuan } = require('../../money/format.js');
const { getConfig, notifyWhenDelivered } = require('../../checkout/merchant.js');

const OUTCOMES = {
  paid: { title: 'Order placed', note: 'The kitchen is on it. Estimated delivery: 30 min.' },
  timeout: {
    title: 'Checking your payment',
    note: 'Payment is taking longer than usual. We will confirm it shortly.',
  },
  failed: { title: 'Payment failed', note: 'You have not been charged. Please try again.' },
  delivered: { title: 'Order delivered', note: 'Enjoy your meal! Thank you for ordering.' },
};

Page({
  data: { status: '', title: '', note: '', orderId: '', totalText: '', templateId: '', notify: '' },

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
    if (query.status === 'paid') {
      getConfig().then(
        (config) => this.setData({ templateId: config.orderTemplateId || '' }),
        () => undefined,
      );
    }
  },

  // The platform opens its consent sheet only from a tap: ask here, then tell the shop.
  onNotifyMe() {
    const id = this.data.templateId;
    tt.requestSubscribeMessage({
      tmplIds: [id],
      success: (res) => {
        if (res[id] !== 'accept') {
          this.setData({ notify: 'declined' });
          return;
        }
        notifyWhenDelivered(this.data.orderId).then(
          () => this.setData({ notify: 'on' }),
          () => this.setData({ notify: 'failed' }),
        );
      },
      fail: () => this.setData({ notify: 'failed' }),
    });
  },

  onBackToShop() {
    tt.switchTab({ url: '/pages/shop/shop' });
  },

  onViewOrders() {
    tt.switchTab({ url: '/pages/orders/orders' });
  },
});
