App({
  onLaunch() {
    tt.login({ success: () => {} });
  },
});
