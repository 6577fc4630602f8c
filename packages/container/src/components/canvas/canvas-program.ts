/**
 * The program the canvas, animation and context tests run: one page per family. Its pages
 * write what they saw into `out` (shown in `#out`), which the tests read.
 */
const BLUE_SVG =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0000ff"/></svg>',
  );

const OUT = `<view id="out">{{json}}</view><view id="done">{{done}}</view>`;
const RECORD = `
function recorder(page) {
  const out = {};
  return {
    out,
    put(key, value) {
      out[key] = value;
      page.setData({ json: JSON.stringify(out) });
    },
  };
}`;

export const CANVAS_PROGRAM: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/legacy/legacy', 'pages/node/node', 'pages/motion/motion', 'pages/contexts/contexts'],
    window: { navigationBarTitleText: 'Canvas' },
  }),
  'app.js': 'App({});',
  'pages/legacy/legacy.wxml': `
<canvas canvas-id="legacy" style="width: 200px; height: 100px; display: block"></canvas>
<canvas canvas-id="old" style="width: 100px; height: 50px; display: block"></canvas>
<canvas canvas-id="tainted" style="width: 50px; height: 50px; display: block"></canvas>
${OUT}`,
  'pages/legacy/legacy.js': `${RECORD}
Page({
  data: { json: '{}', done: false },
  onLoad(query) { this.img = query.img; },
  onReady() {
    const r = recorder(this);
    const ctx = wx.createCanvasContext('legacy', this);
    ctx.setFillStyle('#ff0000');
    ctx.fillRect(0, 0, 100, 100);
    const g = ctx.createLinearGradient(100, 0, 200, 0);
    g.addColorStop(0, '#00ff00');
    g.addColorStop(1, '#00ff00');
    ctx.fillStyle = g;
    ctx.fillRect(100, 0, 100, 50);
    ctx.setStrokeStyle('#000000');
    ctx.setLineWidth(4);
    ctx.beginPath();
    ctx.moveTo(100, 75);
    ctx.lineTo(200, 75);
    ctx.stroke();
    ctx.setFontSize(20);
    r.put('measured', ctx.measureText('Hello').width > 20);
    r.put('fillStyleRead', typeof ctx.fillStyle);
    ctx.draw(false, () => {
      r.put('firstDraw', true);
      ctx.setFillStyle('#0000ff');
      ctx.fillRect(0, 50, 50, 50);
      ctx.draw(true, () => this.afterDraws(r));
    });
  },
  async afterDraws(r) {
    const red = await wx.canvasGetImageData({ canvasId: 'legacy', x: 10, y: 10, width: 1, height: 1 });
    const blue = await wx.canvasGetImageData({ canvasId: 'legacy', x: 10, y: 60, width: 1, height: 1 });
    r.put('getImageData', { width: red.width, red: Array.from(red.data), blue: Array.from(blue.data), errMsg: red.errMsg });
    const put = await wx.canvasPutImageData({
      canvasId: 'legacy', x: 196, y: 96, width: 2, height: 2,
      data: new Uint8ClampedArray([255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0, 255]),
    });
    const yellow = await wx.canvasGetImageData({ canvasId: 'legacy', x: 196, y: 96, width: 1, height: 1 });
    r.put('putImageData', { errMsg: put.errMsg, yellow: Array.from(yellow.data) });
    const file = await wx.canvasToTempFilePath({ canvasId: 'legacy', x: 0, y: 0, width: 100, height: 50, destWidth: 20, destHeight: 10 });
    const info = await wx.getImageInfo({ src: file.tempFilePath });
    r.put('tempFile', { path: file.tempFilePath.startsWith('ttfile://temp/'), width: info.width, height: info.height });
    const old = wx.createContext();
    old.setFillStyle('#00ff00');
    old.fillRect(0, 0, 100, 50);
    const drawn = await wx.drawCanvas({ canvasId: 'old', actions: old.getActions() });
    const green = await wx.canvasGetImageData({ canvasId: 'old', x: 50, y: 25, width: 1, height: 1 });
    r.put('drawCanvas', { errMsg: drawn.errMsg, green: Array.from(green.data) });
    const missing = await wx.canvasToTempFilePath({ canvasId: 'nope' }).catch((e) => e.errMsg);
    r.put('missing', missing);
    const t = wx.createCanvasContext('tainted');
    t.drawImage(this.img, 0, 0, 50, 50);
    t.draw(false, () => {
      wx.canvasToTempFilePath({
        canvasId: 'tainted',
        success: () => r.put('tainted', 'read'),
        fail: (e) => {
          r.put('tainted', e.errMsg);
          wx.canvasGetImageData({ canvasId: 'tainted', x: 0, y: 0, width: 1, height: 1 }).catch((e2) => {
            r.put('taintedPixels', e2.errMsg);
            this.setData({ done: true });
          });
        },
      });
    });
  },
});`,
  'pages/node/node.wxml': `
<canvas type="2d" id="c2d" style="width: 120px; height: 60px; display: block"></canvas>
<canvas type="webgl" id="gl" style="width: 40px; height: 40px; display: block"></canvas>
${OUT}`,
  'pages/node/node.js': `${RECORD}
Page({
  data: { json: '{}', done: false },
  onLoad(query) {
    this.img = query.img;
    this.r = recorder(this);
    // Asked before the page reached its frame: answered once it has.
    wx.createSelectorQuery().select('#gl').node((res) => {
      const gl = res.node.getContext('webgl');
      if (!gl) return this.r.put('webgl', 'none');
      gl.clearColor(1, 0.5, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      this.r.put('webgl', 'drawn');
    }).exec();
  },
  onReady() {
    const r = this.r;
    wx.createSelectorQuery().select('#c2d').fields({ node: true, size: true }).exec(([res]) => {
      const canvas = res.node;
      r.put('size', { width: res.width, height: res.height, hasNode: !!canvas });
      canvas.width = res.width * 2;
      canvas.height = res.height * 2;
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.fillStyle = '#ff0000';
      ctx.fillRect(0, 0, 60, 60);
      const image = canvas.createImage();
      image.onload = () => {
        r.put('image', { width: image.width, height: image.height });
        ctx.drawImage(image, 60, 0, 60, 60);
        const url = canvas.toDataURL();
        r.put('toDataURL', url.slice(0, 22));
        r.put('dataUrl', url);
        const id = canvas.requestAnimationFrame(async (time) => {
          r.put('frame', typeof time);
          const file = await wx.canvasToTempFilePath({ canvas });
          const info = await wx.getImageInfo({ src: file.tempFilePath });
          r.put('tempFile', { width: info.width, height: info.height });
          wx.createSelectorQuery().select('#c2d').node((again) => {
            r.put('sameNode', again.node === canvas);
            // The package's own image, by a path relative to the page.
            const own = canvas.createImage();
            own.onerror = (e) => {
              r.put('packageImage', e.errMsg);
              this.setData({ done: true });
            };
            own.onload = () => {
              ctx.drawImage(own, 0, 0, 3, 2);
              r.put('packageImage', { width: own.width, height: own.height, readable: canvas.toDataURL().length > 30 });
              this.taint(canvas, ctx, r);
            };
            own.src = '../../images/dot.png';
          }).exec();
        });
        r.put('frameId', typeof id);
      };
      image.src = '${BLUE_SVG}';
      const off = wx.createOffscreenCanvas({ type: '2d', width: 4, height: 4 });
      const octx = off.getContext('2d');
      octx.fillStyle = '#00ff00';
      octx.fillRect(0, 0, 4, 4);
      r.put('offscreen', { width: off.width, url: off.toDataURL().slice(0, 22), pixel: Array.from(octx.getImageData(1, 1, 1, 1).data) });
    });
  },
  taint(canvas, ctx, r) {
    const foreign = canvas.createImage();
    foreign.onerror = (e) => {
      r.put('foreign', e.errMsg);
      this.setData({ done: true });
    };
    foreign.onload = () => {
      ctx.drawImage(foreign, 0, 0, 10, 10);
      try {
        canvas.toDataURL();
        r.put('tainted', 'read');
      } catch (e) {
        r.put('tainted', e.name);
      }
      this.setData({ done: true });
    };
    foreign.src = this.img;
  },
});`,
  'pages/motion/motion.wxml': `
<view id="box" animation="{{anim}}" bindtransitionend="ended" style="width: 40px; height: 40px; background: #f00"></view>
<view id="kf" style="width: 40px; height: 40px; background: #0f0"></view>
<button id="go" bindtap="go">go</button>
<button id="kfgo" bindtap="keyframes">keyframes</button>
<button id="kfclear" bindtap="clear">clear</button>
${OUT}`,
  'pages/motion/motion.js': `${RECORD}
Page({
  data: { json: '{}', done: false, anim: null },
  onLoad() { this.r = recorder(this); this.ends = 0; },
  go() {
    const a = wx.createAnimation({ duration: 150, timingFunction: 'ease' });
    a.translateX(100).opacity(0.5).step();
    a.rotate(90).backgroundColor('#0000ff').step({ duration: 100 });
    this.setData({ anim: a.export() });
  },
  ended() {
    this.ends += 1;
    this.r.put('transitionend', this.ends);
  },
  keyframes() {
    this.animate('#kf', [{ opacity: 1, rotate: 0 }, { opacity: 0.25, rotate: 45, offset: 1 }], 100, () => {
      this.r.put('animated', true);
    });
  },
  clear() {
    this.clearAnimation('#kf', () => this.r.put('cleared', true));
  },
});`,
  'pages/contexts/contexts.wxml': `
<map id="m" latitude="31.2" longitude="121.5" scale="12" style="width: 200px; height: 120px; display: block"></map>
<editor id="ed" style="height: 60px"></editor>
<video id="v" style="width: 100px; height: 60px"></video>
<live-player id="lp" style="width: 100px; height: 60px"></live-player>
<audio id="au" name="Song"></audio>
<view id="title">a view</view>
<button id="go" bindtap="go">go</button>
${OUT}`,
  'pages/contexts/contexts.js': `${RECORD}
Page({
  data: { json: '{}', done: false },
  onLoad() { this.r = recorder(this); },
  async go() {
    const r = this.r;
    const map = wx.createMapContext('m', this);
    const center = await map.getCenterLocation();
    r.put('center', { latitude: center.latitude, longitude: center.longitude, errMsg: center.errMsg });
    await map.moveToLocation({ latitude: 30, longitude: 120 });
    const moved = await map.getCenterLocation();
    r.put('moved', { latitude: moved.latitude, longitude: moved.longitude });
    r.put('notAMap', await wx.createMapContext('title').getCenterLocation().catch((e) => e.errMsg));
    r.put('noMap', await wx.createMapContext('nope').getScale().catch((e) => e.errMsg));
    wx.createSelectorQuery().select('#ed').context((res) => {
      res.context.insertText({ text: 'typed from logic', success: (ok) => {
        res.context.getContents({ success: (c) => r.put('editor', { text: c.text.trim(), errMsg: ok.errMsg }) });
      } });
    }).exec();
    wx.createSelectorQuery().select('#v').context((res) => {
      res.context.seek(3);
      r.put('videoContext', typeof res.context.play);
    }).select('#title').context((res) => r.put('viewContext', res.context)).exec();
    wx.createAudioContext('au', this).setSrc('data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAZGF0YQAAAAA=');
    const live = wx.createLivePlayerContext('lp', this);
    live.pause({ success: (res) => r.put('livePlayer', res.errMsg), fail: (e) => r.put('livePlayer', e.errMsg) });
    this.setData({ done: true });
  },
});`,
};
