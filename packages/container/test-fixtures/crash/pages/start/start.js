// First run: set a flag, then loop forever or throw (by `mode`); after a restart the flag is set and the page renders.
Page({
  data: { state: 'fine' },
  onLoad(query) {
    if (tt.getStorageSync('crashed')) return;
    tt.setStorageSync('crashed', true);
    if (query.mode === 'loop') {
      for (;;) {}
    }
    if (query.mode === 'throw') throw new Error('boom in onLoad');
  },
});
