// The merchant server's API as this program uses it:
//   POST {serverBase}/api/session  { code }                      -> { token }
//   POST {serverBase}/api/orders   { items: [{ dishId, quantity }], remark, totalCents }
//        (Authorization: Bearer <token>)                          -> { orderId, orderToken, totalCents }
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

module.exports = { openSession, createOrder, MerchantError };
