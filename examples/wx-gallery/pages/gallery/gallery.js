const { photos } = require('../../photos/photos.js');

Page({
  data: {
    heading: 'This week',
    photos: [],
    sort: 'recent',
  },
  onLoad(query) {
    this.applySort(query.sort === 'popular' ? 'popular' : 'recent');
  },
  applySort(sort) {
    const sorted = photos
      .slice()
      .sort((a, b) => (sort === 'popular' ? b.likes - a.likes : b.takenAt.localeCompare(a.takenAt)));
    this.setData({ sort, photos: sorted });
  },
  onSortTap(e) {
    this.applySort(e.currentTarget.dataset.sort);
  },
  onOpen(e) {
    wx.navigateTo({ url: `/pages/photo/photo?id=${e.currentTarget.dataset.id}` });
  },
});
