// tt.pay reports its outcome as a code in success; fail means the sheet never opened.
const PAY_OUTCOME = { 0: 'paid', 1: 'timeout', 2: 'failed', 3: 'closed', 4: 'cancelled' };

function pay(orderId, orderToken) {
  return new Promise((resolve) => {
    tt.pay({
      orderInfo: { order_id: orderId, order_token: orderToken },
      service: 5,
      success: (res) => resolve(PAY_OUTCOME[res.code] || 'failed'),
      fail: () => resolve('failed'),
    });
  });
}

module.exports = { pay };
