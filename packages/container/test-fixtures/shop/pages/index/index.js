const app = getApp();
Page({
  data: { shopName: '', count: 0, refreshed: 0, bottom: 0, scrolled: 0, rows: [], location: '' },
  onLoad() {
    const rows = [];
    for (let i = 0; i < 40; i++) rows.push({ id: i, name: `Dish ${i}` });
    this.setData({ shopName: app.globalData.shopName, rows });
  },
  onAdd() {
    this.setData({ count: this.data.count + 1 });
    tt.showToast({ title: `Added ${this.data.count}`, icon: 'success' });
  },
  onOpen(e) {
    tt.navigateTo({ url: `/pages/detail/detail?id=${e.currentTarget.dataset.id}` });
  },
  onRename() {
    tt.setNavigationBarTitle({ title: 'Renamed' });
  },
  onPullDownRefresh() {
    this.setData({ refreshed: this.data.refreshed + 1 });
    setTimeout(() => tt.stopPullDownRefresh(), 50);
  },
  onReachBottom() {
    this.setData({ bottom: this.data.bottom + 1 });
  },
  onPageScroll(e) {
    this.setData({ scrolled: Math.round(e.scrollTop) });
  },
  onLocate() {
    tt.getLocation({
      success: (r) => this.setData({ location: `${r.latitude},${r.longitude}` }),
      fail: (e) => this.setData({ location: e.errMsg }),
    });
  },
  onLogin() {
    tt.login({
      success: (r) => this.setData({ login: r.code }),
      fail: (e) => this.setData({ login: e.errMsg }),
    });
  },
  onRequest() {
    tt.request({
      url: this.options.api || 'https://api.example.com/x',
      success: (r) => this.setData({ requested: `ok ${r.statusCode}` }),
      fail: (e) => this.setData({ requested: e.errMsg }),
    });
  },
});
