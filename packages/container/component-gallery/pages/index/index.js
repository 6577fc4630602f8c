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
  onCameraReady(e) {
    this.log(`camera ready ${e.detail.width}x${e.detail.height}`);
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
