// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { superAppHost } from './super-app-host.ts';

// The platform as the host sees it: every call recorded, answers per path.
const calls: Array<{ method: string; path: string; body: unknown }> = [];
const answers = new Map<string, unknown>();
vi.mock('../api.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api.ts')>()),
  api: async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    return answers.get(path.split('?')[0] ?? path);
  },
}));
// The user confirms the payment sheet.
vi.mock('./host-sheets.ts', () => ({
  askPayment: async () => 'pay',
  askLogin: async () => true,
  askConsent: async () => true,
}));

const host = () =>
  superAppHost({
    appid: 'tt1',
    appName: 'Shop',
    appIcon: null,
    requireUser: async () => ({ id: 'u1', phone: '+8613800000000' }),
  });

const plazaOrder = {
  order_id: 'ord_1',
  subject: 'Noodles',
  total_amount: 100,
  currency: 'CNY',
  status: 'created',
  items: [],
};

beforeEach(() => {
  calls.length = 0;
  answers.clear();
  answers.set('/api/me/orders', { items: [plazaOrder] });
  answers.set('/api/runtime/payments/pay', { code: 0 });
});

describe('the super app host’s payments', () => {
  it('pays an ecpay order (tt.pay, service 5) as the Plaza order the user claims', async () => {
    answers.set('/api/runtime/douyin/ecpay/claim', { order_id: 'ord_1', order_token: 'plaza-token' });
    const result = await host().pay?.({
      orderInfo: { order_id: 'dyo_1', order_token: 'dy-token' },
      service: 5,
    });
    expect(result).toEqual({ code: 0 });
    expect(calls.find((c) => c.path === '/api/runtime/douyin/ecpay/claim')?.body).toEqual({
      order_id: 'dyo_1',
      order_token: 'dy-token',
    });
    expect(calls.find((c) => c.path === '/api/runtime/payments/pay')?.body).toEqual({
      order_id: 'ord_1',
      order_token: 'plaza-token',
      confirmed: true,
    });
  });

  it('pays a Plaza order directly, without a claim', async () => {
    await host().pay?.({ orderInfo: { order_id: 'ord_1', order_token: 't' }, service: 5 });
    expect(calls.some((c) => c.path.includes('claim'))).toBe(false);
  });

  it('backs wx.requestPayment with guaranteed payment: package names the order, paySign its token', async () => {
    await host().requestPayment?.({
      timeStamp: '1',
      nonceStr: 'n',
      package: 'prepay_id=ord_1',
      signType: 'RSA',
      paySign: 't',
    });
    expect(calls.find((c) => c.path === '/api/runtime/payments/pay')?.body).toMatchObject({
      order_id: 'ord_1',
      order_token: 't',
    });
    await expect(host().requestPayment?.({ package: 'nonsense', paySign: 't' })).rejects.toThrow(
      'invalid package',
    );
    answers.set('/api/runtime/payments/pay', { code: 2 });
    await expect(host().requestPayment?.({ package: 'prepay_id=ord_1', paySign: 't' })).rejects.toThrow(
      'payment failed',
    );
  });
});
