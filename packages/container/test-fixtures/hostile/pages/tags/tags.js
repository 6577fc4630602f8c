// Renders every tag a browser gives behaviour to, aimed at the test's loopback listeners.
Page({
  data: { host: '', other: '' },
  onLoad(query) {
    this.setData({ host: query.host || '', other: query.other || '' });
  },
});
