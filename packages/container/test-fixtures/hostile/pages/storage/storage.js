// Fills storage past the 10 MB quota with 60 KB values and reports what failed and what stayed.
Page({
  data: { report: '' },
  onLoad(query) {
    const prior = wx.getStorageSync('k0');
    const value = 'x'.repeat(60 * 1024);
    let failedAt = -1;
    let message = '';
    const writes = query.fill ? 87 : 0;
    for (let i = 0; i < writes; i++) {
      try {
        wx.setStorageSync(`k${i}`, value);
      } catch (error) {
        if (failedAt < 0) {
          failedAt = i;
          message = error.errMsg;
        }
      }
    }
    const done = (asyncResult) =>
      this.setData({
        report: JSON.stringify({
          failedAt,
          message,
          asyncResult,
          prior: prior.length,
          stored: wx.getStorageInfoSync().keys.length,
          full: wx.getStorageInfoSync().currentSize,
        }),
      });
    wx.setStorage({
      key: 'one-more',
      data: value,
      success: () => done('ok'),
      fail: (error) => done(error.errMsg),
    });
  },
});
