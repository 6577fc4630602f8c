Page({
  data: {
    name: '',
    confirmed: '',
    blurred: '',
    submitted: '',
    sizes: ['Small', 'Medium', 'Large'],
    picked: -1,
    date: '2024-05-01',
    swiper: -1,
    lower: 0,
    switched: '',
    extras: '',
    size: '',
    spice: 30,
    progress: 40,
    pixel:
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    loaded: '',
    into: '',
  },
  onInput(e) {
    this.setData({ name: e.detail.value });
  },
  onConfirm(e) {
    this.setData({ confirmed: e.detail.value });
  },
  onBlur(e) {
    this.setData({ blurred: e.detail.value });
  },
  onSubmit(e) {
    this.setData({ submitted: JSON.stringify(e.detail.value) });
  },
  onReset() {
    this.setData({ submitted: 'reset' });
  },
  onPick(e) {
    this.setData({ picked: e.detail.value });
  },
  onDate(e) {
    this.setData({ date: e.detail.value });
  },
  onSwipe(e) {
    this.setData({ swiper: `${e.detail.current}/${e.detail.source}` });
  },
  onLower() {
    this.setData({ lower: this.data.lower + 1 });
  },
  onSwitch(e) {
    this.setData({ switched: String(e.detail.value) });
  },
  onExtras(e) {
    this.setData({ extras: e.detail.value.join(',') });
  },
  onSize(e) {
    this.setData({ size: e.detail.value });
  },
  onSpice(e) {
    this.setData({ spice: e.detail.value });
  },
  onImage(e) {
    this.setData({ loaded: `${e.detail.width}x${e.detail.height}` });
  },
  jump() {
    this.setData({ into: 'row-12' });
  },
  onShareAppMessage(options) {
    return { title: `Widgets from ${options.from}`, path: '/pages/form/form' };
  },
  openWeb() {
    wx.navigateTo({ url: '/pages/web/web' });
  },
});
