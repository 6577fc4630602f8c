Page({
  data: { taps: 0 },
  onMasked() {
    this.setData({ taps: this.data.taps + 1 });
    wx.showToast({ title: 'Wait', icon: 'none', mask: true, duration: 1500 });
  },
});
