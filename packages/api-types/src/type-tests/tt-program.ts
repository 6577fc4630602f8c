// A Douyin-dialect program must type-check against @plaza/api-types/tt, and misuse must not.
import { PayResultCode, type TtApi } from '../tt.ts';

const api: TtApi = tt;

App({ globalData: { serverBase: 'https://example.com' } });

Page({
  data: { count: 0 },
  onLoad() {
    api.login({ force: true, success: (res) => console.log(res.code) });
    tt.pay({
      orderInfo: { order_id: 'o1', order_token: 't1' },
      service: 5,
      success: (res) => {
        if (res.code === PayResultCode.Paid) this.setData({ count: 1 });
      },
    });
    // @ts-expect-error service is fixed at 5 for the mini-program cashier
    tt.pay({ orderInfo: { order_id: 'o1', order_token: 't1' }, service: 3 });
  },
});
