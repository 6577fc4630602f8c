Page({
  data: { orders: ['a', 'b'] },
  onLoad() {
    tt.request({ url: 'https://example.com' });
  },
});
