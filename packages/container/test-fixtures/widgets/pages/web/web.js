Page({
  data: { src: '', error: '' },
  onLoad(query) {
    this.setData({ src: query.src || 'https://evil.example/steal' });
  },
  onError(e) {
    this.setData({ error: e.detail.errMsg });
  },
});
