import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A program of `pages` pages sharing five components, each page with a list, conditions and handlers. */
export function largeProgram(pages: number): Record<string, string> {
  const files: Record<string, string> = {};
  const paths = Array.from({ length: pages }, (_, i) => `pages/p${i}/p${i}`);
  files['app.json'] = JSON.stringify({ pages: paths, window: { navigationBarTitleText: 'Large' } });
  files['app.js'] = 'App({ globalData: { user: null } });';
  files['app.wxss'] = '.page { padding: 24rpx; }';
  const components = Array.from({ length: 5 }, (_, i) => `components/c${i}/c${i}`);
  for (const [i, path] of components.entries()) {
    files[`${path}.json`] = '{ "component": true }';
    files[`${path}.js`] =
      `Component({ properties: { item: { type: Object, value: {} } }, methods: { onTap() { this.triggerEvent('pick', { id: this.data.item.id }); } } });`;
    files[`${path}.wxml`] = `<view class="c${i}" bindtap="onTap"><text>{{item.title}}</text><slot /></view>`;
    files[`${path}.wxss`] = `.c${i} { color: #${i}${i}${i}; }`;
  }
  files['utils/format.js'] = 'module.exports = { price: (c) => (c / 100).toFixed(2) };';
  for (const [i, path] of paths.entries()) {
    const using = Object.fromEntries(components.map((c, j) => [`c-${j}`, `/${c}`]));
    files[`${path}.json`] = JSON.stringify({ usingComponents: using });
    files[`${path}.js`] = `const { price } = require('../../utils/format.js');
Page({
  data: { items: [], page: ${i}, open: false },
  onLoad() { this.setData({ items: Array.from({ length: 20 }, (_, k) => ({ id: k, title: 'Item ' + k, price: price(k * 100) })) }); },
  toggle() { this.setData({ open: !this.data.open }); },
  onPick(e) { wx.navigateTo({ url: '/pages/p${(i + 1) % pages}/p${(i + 1) % pages}?from=' + e.detail.id }); },
});`;
    files[`${path}.wxml`] = `<view class="page">
  <text class="title">Page {{page}}</text>
  <view wx:if="{{open}}" class="details">Open</view>
  <view wx:else bindtap="toggle">Closed</view>
  <c-${i % 5} wx:for="{{items}}" wx:key="id" item="{{item}}" bindpick="onPick"><text>{{item.price}}</text></c-${i % 5}>
</view>`;
    files[`${path}.wxss`] = `.title { font-size: ${24 + (i % 10)}rpx; }`;
  }
  return files;
}

/** Writes `files` (path → text) under `dir`. */
export async function writeProgram(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  }
}
