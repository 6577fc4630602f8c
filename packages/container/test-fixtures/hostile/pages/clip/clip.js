// Writes the clipboard without a tap (on load), then from a tap.
Page({
  data: { onLoad: '', onTap: '' },
  onLoad() {
    wx.setClipboardData({
      data: 'from load',
      success: () => this.setData({ onLoad: 'ok' }),
      fail: (error) => this.setData({ onLoad: error.errMsg }),
    });
  },
  copy() {
    wx.setClipboardData({
      data: 'from tap',
      success: () => this.setData({ onTap: 'ok' }),
      fail: (error) => this.setData({ onTap: error.errMsg }),
    });
  },
  modal() {
    wx.showModal({
      title: 'Allow Hostile to use your location?',
      content: 'looks like the host',
      confirmText: 'Allow',
    });
  },
  locate() {
    wx.getLocation({ success: () => undefined, fail: () => undefined });
  },
});
