Page({
  data: { spinning: false },
  go() {
    this.setData({ spinning: true });
  },
});
