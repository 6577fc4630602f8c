// A WeChat-dialect program must type-check against @plaza/api-types/wx, and misuse must not.
import type { WxApi } from '../wx.ts';

const api: WxApi = wx;

Component({
  properties: { tone: { type: String, value: 'dark' } },
  methods: {
    onTap() {
      api.showToast({ title: this.data.tone });
      // @ts-expect-error showToast needs a title
      wx.showToast({ icon: 'none' });
    },
  },
});
