const pixel =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

Page({
  data: {
    title: 'Component gallery',
    pixel,
    audioSrc: '',
    liveSrc: '',
    markers: [
      {
        id: 1,
        latitude: 31.2304,
        longitude: 121.4737,
        title: 'People Square',
        callout: { content: 'People Square', display: 'ALWAYS' },
      },
      {
        id: 2,
        latitude: 31.235,
        longitude: 121.485,
        title: 'The Bund',
        callout: { content: 'The Bund', display: 'BYCLICK' },
      },
    ],
    polyline: [
      {
        points: [
          { latitude: 31.2304, longitude: 121.4737 },
          { latitude: 31.235, longitude: 121.485 },
        ],
        color: '#1a73e8',
        width: 3,
      },
    ],
    circles: [
      { latitude: 31.2304, longitude: 121.4737, radius: 300, color: '#07c160', fillColor: '#07c16022' },
    ],
    containerShown: false,
    withCamera: false,
    portal: false,
    loading: false,
    toast: false,
    modal: false,
    sheet: false,
    platformErrors: '',
    state: '',
  },
  onLoad(query) {
    this.setData({ withCamera: query.camera === '1', liveSrc: query.live || '' });
  },
  onReady() {
    this.drawChart();
    this.drawNode();
    this.playMotion();
  },
  drawChart() {
    const ctx = wx.createCanvasContext('chart', this);
    const bars = [40, 72, 55, 90, 66];
    const g = ctx.createLinearGradient(0, 0, 0, 110);
    g.addColorStop(0, '#1a73e8');
    g.addColorStop(1, '#07c160');
    ctx.setFillStyle(g);
    bars.forEach((h, i) => {
      ctx.fillRect(16 + i * 40, 110 - h, 28, h);
    });
    ctx.setStrokeStyle('#ff6f00');
    ctx.setLineWidth(3);
    ctx.beginPath();
    bars.forEach((h, i) => {
      if (i) ctx.lineTo(30 + i * 40, 104 - h);
      else ctx.moveTo(30, 104 - h);
    });
    ctx.stroke();
    ctx.setFillStyle('#333333');
    ctx.setFontSize(13);
    ctx.fillText('orders per day', 230, 24);
    ctx.draw();
  },
  drawNode() {
    wx.createSelectorQuery()
      .select('#node-canvas')
      .fields({ node: true, size: true })
      .exec(([res]) => {
        if (!res || !res.node) return;
        const canvas = res.node;
        const dpr = wx.getSystemInfoSync().pixelRatio;
        canvas.width = res.width * dpr;
        canvas.height = res.height * dpr;
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        let t = 0;
        const frame = () => {
          ctx.clearRect(0, 0, res.width, res.height);
          const sun = ctx.createRadialGradient(60, 60, 4, 60, 60, 44);
          sun.addColorStop(0, '#ffd54f');
          sun.addColorStop(1, '#ff6f00');
          ctx.fillStyle = sun;
          ctx.beginPath();
          ctx.arc(60, 60, 40, 0, Math.PI * 2);
          ctx.fill();
          ctx.strokeStyle = '#1a73e8';
          ctx.lineWidth = 2;
          ctx.beginPath();
          for (let x = 120; x < res.width; x += 4) ctx.lineTo(x, 60 + 30 * Math.sin((x + t) / 18));
          ctx.stroke();
          ctx.fillStyle = '#333';
          ctx.font = '13px sans-serif';
          ctx.fillText('drawn in the worker', 130, 112);
          t += 4;
          if (t < 120) canvas.requestAnimationFrame(frame);
        };
        frame();
      });
  },
  playMotion() {
    const a = wx.createAnimation({ duration: 400, timingFunction: 'ease-out' });
    a.translateX(120).rotate(45).step();
    a.scale(1.3).backgroundColor('#1a73e8').step({ duration: 300 });
    this.setData({ motion: a.export() });
  },
  onMoved() {
    this.log('animation step ended');
  },
  onCameraReady(e) {
    this.log(`camera ready ${e.detail.width}x${e.detail.height}`);
    wx.createCameraContext().takePhoto({
      quality: 'low',
      success: (res) => this.log(`photo ${res.width}x${res.height}`),
      fail: (err) => this.log(`photo ${err.errMsg}`),
    });
  },
  onCameraError(e) {
    this.log(`camera error ${e.detail.errMsg}`);
  },
  onLiveError(e) {
    this.log(`live error ${e.detail.errMsg}`);
  },
  log(entry) {
    this.setData({ state: `${this.data.state}${entry};` });
  },
  onCoverLoad() {
    this.log('cover-image load');
  },
  onAudioPlay() {
    this.log('audio play');
  },
  onAudioError(e) {
    this.log(`audio error ${e.detail.errMsg}`);
  },
  onMarkerTap(e) {
    this.log(`markertap ${e.detail.markerId}`);
  },
  onCalloutTap(e) {
    this.log(`callouttap ${e.detail.markerId}`);
  },
  onRegionChange(e) {
    if (e.detail.type === 'end') this.log(`regionchange ${e.detail.causedBy} ${e.detail.scale}`);
  },
  onMapTap(e) {
    this.log(`maptap ${e.detail.latitude.toFixed(2)},${e.detail.longitude.toFixed(2)}`);
  },
  onEditorReady() {
    this.log('editor ready');
  },
  onEditorInput(e) {
    this.log(`editor input ${e.detail.text.trim()}`);
  },
  togglePortal() {
    this.setData({ portal: !this.data.portal });
  },
  openContainer() {
    this.setData({ containerShown: true });
  },
  closeContainer() {
    this.setData({ containerShown: false });
  },
  onContainerLeft() {
    this.log('page-container left');
  },
  onAdError(e) {
    this.setData({ platformErrors: `${this.data.platformErrors} ad error ${e.detail.errCode}` });
  },
  onOfficialError(e) {
    this.setData({ platformErrors: `${this.data.platformErrors} official-account error ${e.detail.status}` });
  },
  onLiveState(e) {
    this.log(`live ${e.detail.code}`);
  },
  showModal() {
    this.setData({ modal: true, loading: false });
  },
  onModalConfirm() {
    this.setData({ modal: false });
    this.log('modal confirm');
  },
  onModalCancel() {
    this.setData({ modal: false });
    this.log('modal cancel');
  },
  showSheet() {
    this.setData({ sheet: true, loading: false });
  },
  onSheetItem(e) {
    this.setData({ sheet: false });
    this.log(`sheet ${e.currentTarget.dataset.name}`);
  },
  onSheetChange() {
    this.setData({ sheet: false });
    this.log('sheet dismissed');
  },
  showLoading() {
    this.setData({ loading: true });
    setTimeout(() => this.setData({ loading: false }), 1500);
  },
  showToast() {
    this.setData({ toast: true, loading: false });
  },
  hideToast() {
    this.setData({ toast: false });
    this.log('toast hidden');
  },
});
