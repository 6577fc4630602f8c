const { findPhoto } = require('../../photos/photos.js');

Page({
  data: { photo: null, liked: false, tone: 'dark' },
  onLoad(query) {
    const photo = findPhoto(query.id);
    if (!photo) {
      wx.showToast({ title: 'Photo not found', icon: 'none' });
      // Opened directly (a shared link) there is nothing to go back to: start at the gallery.
      if (getCurrentPages().length > 1) wx.navigateBack();
      else wx.reLaunch({ url: '/pages/gallery/gallery' });
      return;
    }
    const liked = Boolean(getApp().globalData.liked[photo.id]);
    this.setData({ photo, liked });
    wx.setNavigationBarTitle({ title: photo.title });
  },
  onLike() {
    const liked = !this.data.liked;
    const delta = liked ? 1 : -1;
    getApp().globalData.liked[this.data.photo.id] = liked;
    this.setData({ liked, 'photo.likes': this.data.photo.likes + delta });
  },
  onToneToggle() {
    this.setData({ tone: this.data.tone === 'dark' ? 'light' : 'dark' });
  },
});
