App({
  globalData: { liked: {} },
});
