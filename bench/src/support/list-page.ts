/**
 * The 1,000-row list the container bench opens, written three ways with the same content:
 * a mini program (a name and a button per row; a tap renames its row with `setData`), a
 * static HTML page, and that page with a hand-written DOM update on tap.
 */
export const ROWS = 1000;

const names = Array.from({ length: ROWS }, (_, i) => `Row ${i}`);

/** The mini program's files. */
export function listProgram(): Record<string, string> {
  return {
    'app.json': JSON.stringify({ pages: ['pages/list/list'], window: { navigationBarTitleText: 'List' } }),
    'app.js': 'App({});',
    'pages/list/list.js': `let taps = 0;
Page({
  data: { rows: Array.from({ length: ${ROWS} }, (_, i) => ({ id: i, name: 'Row ' + i })) },
  rename(e) { taps += 1; this.setData({ ['rows[' + e.currentTarget.dataset.i + '].name']: 'Tapped ' + taps }); },
});`,
    'pages/list/list.wxml': `<view wx:for="{{rows}}" wx:key="id" class="row"><text class="name">{{item.name}}</text><button class="rename" size="mini" data-i="{{index}}" bindtap="rename">Rename</button></view>`,
    'pages/list/list.wxss': '.row { display: flex; align-items: center; padding: 8px 12px; }',
  };
}

/**
 * The same rows as a static page; with `handDom`, a click on a row's button renames that row
 * the way a hand-written page would (one `textContent` write).
 */
export function staticListHtml(handDom: boolean): string {
  const rows = names
    .map(
      (name, i) =>
        `<div class="row"><span class="name">${name}</span><button class="rename" data-i="${i}">Rename</button></div>`,
    )
    .join('');
  const script = handDom
    ? `<script>let taps = 0; document.body.addEventListener('click', (e) => {
  const button = e.target.closest('button.rename'); if (!button) return;
  taps += 1; button.previousElementSibling.textContent = 'Tapped ' + taps;
});</script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0;font-family:system-ui,sans-serif}.row{display:flex;align-items:center;padding:8px 12px}</style>
</head><body>${rows}${script}</body></html>`;
}

/** A host page that mounts the program as soon as the container script has run. */
export function containerHostHtml(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Plaza host</title>
<style>body{margin:0;font-family:system-ui,sans-serif}#phone{width:375px;height:667px;overflow:hidden}</style>
</head><body><div id="phone"></div><script src="/container.js"></script>
<script>PlazaContainer.mount(document.getElementById('phone'), { package: '/pkg/list/', appId: 'list' });</script>
</body></html>`;
}
