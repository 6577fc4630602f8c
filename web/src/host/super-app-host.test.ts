// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api.ts';
import { superAppHost } from './super-app-host.ts';

// The platform as the host sees it: every call recorded, answers per path.
const calls: Array<{ method: string; path: string; body: unknown }> = [];
const answers = new Map<string, unknown>();
vi.mock('../api.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api.ts')>()),
  api: async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    const answer = answers.get(path.split('?')[0] ?? path);
    if (answer instanceof Error) throw answer;
    return answer;
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

  it('sends tt.requestOrder data and byteAuthorization to the platform, and getOrderPayment pays that order with its token', async () => {
    answers.set('/api/runtime/douyin/trade/request-order', {
      order_id: 'ord_1',
      order_token: 'plaza-token',
      out_order_no: 'A1',
      item_order_list: [{ item_order_id: 'ord_1_1', sku_id: 's1', price: 100 }],
    });
    const h = host();
    const made = await h.requestOrder?.({
      data: '{"outOrderNo":"A1"}',
      byteAuthorization: 'SHA256-RSA2048 x',
    });
    expect(made).toEqual({
      orderId: 'ord_1',
      itemOrderList: [{ itemOrderId: 'ord_1_1', skuId: 's1', price: 100 }],
    });
    expect(calls.find((c) => c.path === '/api/runtime/douyin/trade/request-order')?.body).toEqual({
      appid: 'tt1',
      data: '{"outOrderNo":"A1"}',
      byte_authorization: 'SHA256-RSA2048 x',
    });
    expect(await h.getOrderPayment?.({ orderId: 'ord_1' })).toEqual({ code: 0 });
    expect(calls.find((c) => c.path === '/api/runtime/payments/pay')?.body).toMatchObject({
      order_id: 'ord_1',
      order_token: 'plaza-token',
    });
    // An order this session did not make has no token to pay with.
    await expect(h.getOrderPayment?.({ orderId: 'ord_other' })).rejects.toThrow('order not found');
    // The platform's refusal reaches the program as the reason the runtime numbers.
    answers.set(
      '/api/runtime/douyin/trade/request-order',
      new ApiError(401, 'DOUYIN_SIGNATURE_INVALID', 'The signature does not verify'),
    );
    await expect(h.requestOrder?.({ data: '{}', byteAuthorization: 'x' })).rejects.toThrow(
      'signature verification failed',
    );
  });
});
