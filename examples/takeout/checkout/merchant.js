// The merchant server's API as this program uses it:
//   POST {serverBase}/api/session  { code }                      -> { token }
//   POST {serverBase}/api/orders   { items: [{ dishId, quantity }], remark, totalCents }
//        (Authorization: Bearer <token>)                          -> { orderId, orderToken, totalCents }
//   GET  {serverBase}/api/config                                 -> { orderTemplateId }
//   POST {serverBase}/api/orders/:orderId/notify (Authorization)  -> { notify }
// Errors come back as a non-2xx status with { error: { code, message } }.
const { call } = require('./call.js');

class MerchantError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

async function post(path, data, token) {
  const header = { 'content-type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await call(tt.request, {
      url: `${getApp().globalData.serverBase}${path}`,
      method: 'POST',
      data,
      header,
    });
  } catch {
    throw new MerchantError('network', 'Cannot reach the shop right now, please try again');
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    const error = res.data?.error || {};
    throw new MerchantError(
      error.code || `http_${res.statusCode}`,
      error.message || 'The shop could not take the order',
    );
  }
  return res.data;
}

async function openSession(code) {
  const body = await post('/api/session', { code });
  tt.setStorageSync('takeout.session', body.token);
  return body.token;
}

function createOrder(token, order) {
  return post('/api/orders', order, token);
}

/** What the shop needs the program to know: its order-status message template (or null). */
async function getConfig() {
  const res = await call(tt.request, { url: `${getApp().globalData.serverBase}/api/config`, method: 'GET' });
  return res.statusCode === 200 ? res.data : { orderTemplateId: null };
}

/** The user accepted the order-status message: the shop sends it once the order is delivered. */
function notifyWhenDelivered(orderId) {
  return post(`/api/orders/${encodeURIComponent(orderId)}/notify`, {}, tt.getStorageSync('takeout.session'));
}

module.exports = { openSession, createOrder, getConfig, notifyWhenDelivered, MerchantError };
