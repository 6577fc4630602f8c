// The merchant server's base URL lives in globalData so a deployment (or a test) can
// point the program at its own server without touching page code.
App({
  globalData: {
    serverBase: 'https://takeout.example.com',
    shopName: 'Plaza Noodle House',
    minOrderCents: 2000,
  },
  onLaunch() {
    const base = tt.getStorageSync('takeout.serverBase');
    if (base) this.globalData.serverBase = base;
  },
});
