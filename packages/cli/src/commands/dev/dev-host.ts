/**
 * The host the dev page gives a program: the super app's account capabilities answered from
 * the panel's scenario toggles (login allowed or denied, how payment ends, …). Runs in the
 * browser as part of the dev page's script, so it is kept as source text.
 */
export const DEV_HOST_SCRIPT = `
const scenario = JSON.parse(localStorage.getItem('plaza-dev-scenario') || 'null') || {
  login: 'allow', payment: 'paid', profile: 'allow', phone: 'allow', location: 'allow', subscribe: 'accept',
};
const refuse = (reason) => { throw new Error(reason); };
const PAY_CODES = { paid: 0, timeout: 1, failed: 2, closed: 3, cancelled: 4 };
const devHost = {
  async login() {
    if (scenario.login === 'deny') refuse('auth deny');
    return { code: 'dev-code-' + Math.random().toString(36).slice(2, 10), anonymousCode: 'dev-anonymous', isLogin: true };
  },
  async checkSession() {
    if (scenario.login === 'deny') refuse('session expired');
  },
  async getUserProfile() {
    if (scenario.profile === 'deny') refuse('auth deny');
    return { userInfo: { nickName: 'Dev User', avatarUrl: '', gender: 0, language: 'en' } };
  },
  async getPhoneNumber() {
    if (scenario.phone === 'deny') refuse('user deny');
    return { code: 'dev-phone-code' };
  },
  async pay() {
    return { code: PAY_CODES[scenario.payment] ?? 0 };
  },
  async requestPayment() {
    if (scenario.payment !== 'paid') refuse(scenario.payment === 'cancelled' ? 'cancel' : scenario.payment);
  },
  async requestOrder() {
    return { orderId: 'dev-order-' + Math.random().toString(36).slice(2, 10), itemOrderList: [] };
  },
  async getOrderPayment() {
    return { code: PAY_CODES[scenario.payment] ?? 0 };
  },
  async requestSubscribeMessage({ tmplIds }) {
    return Object.fromEntries(tmplIds.map((id) => [id, scenario.subscribe]));
  },
  // The dev server has no merchant to chat with: the chat opens and stays empty.
  async openCustomerServiceChat() {},
  async getLocation() {
    if (scenario.location === 'deny') refuse('auth deny');
    return { latitude: 31.2304, longitude: 121.4737, accuracy: 30 };
  },
  async makePhoneCall() {},
};
`;
