Page({
  data: { go: false },
  onLoad() {
    this.setData({ go: true });
  },
});
