// Sets the navigation bar's colour to what the test passes (a url(), to see it refused).
Page({
  data: { result: '' },
  onLoad(query) {
    wx.setNavigationBarColor({
      frontColor: '#ffffff',
      backgroundColor: query.bg || '#112233',
      success: () => this.setData({ result: 'ok' }),
      fail: (error) => this.setData({ result: error.errMsg }),
    });
  },
});
