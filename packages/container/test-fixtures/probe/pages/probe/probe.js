// Tries every way out of the logic worker; each result must read "blocked".
function realGlobal() {
  return (function () {
    return this;
  })();
}

Page({
  data: {
    logic: '',
    host: '',
    other: '',
    prior: '',
    html: '',
    nodes: [],
    target: { name: 'x' },
    key: 'constructor',
    protoKey: '__proto__',
  },
  onLoad(query) {
    const g = realGlobal();
    const host = query.host || '';
    const other = query.other || '';
    const results = {};
    const attempt = (name, fn) => {
      try {
        const value = fn();
        results[name] = `ALLOWED ${String(value).slice(0, 40)}`;
      } catch (error) {
        results[name] = `blocked ${error?.name || 'error'}`;
      }
    };
    attempt('parent.document', () => g.parent.document.cookie);
    attempt('top.location', () => g.top.location.href);
    attempt('document.cookie', () => g.document.cookie);
    attempt('localStorage', () => g.localStorage.getItem('host-secret'));
    attempt('fetch host', () => g.fetch(`${host}/probe/logic-fetch`));
    attempt('fetch other', () => g.fetch(`${other}/probe/logic-fetch-other`));
    attempt('XMLHttpRequest', () => {
      const xhr = new g.XMLHttpRequest();
      xhr.open('GET', `${host}/probe/logic-xhr`);
      xhr.send();
      return 'sent';
    });
    attempt('WebSocket', () => new g.WebSocket(`${host.replace('http', 'ws')}/probe/logic-ws`));
    attempt('importScripts', () => g.importScripts(`${other}/probe/logic-import.js`));
    attempt('Worker', () => new g.Worker(`${other}/probe/logic-worker.js`));
    attempt('Function', () => Function('return 1')());
    attempt('constructor escape', () => (() => 0).constructor('return 1')());
    attempt('indexedDB', () => g.indexedDB.open('x'));
    const prior = wx.getStorageSync('secret');
    if (query.me) wx.setStorageSync('secret', query.me);
    this.setData({
      logic: JSON.stringify(results),
      host,
      other,
      prior: String(prior),
      html:
        `<p>safe <b>bold</b></p><img src="x" onerror="parent.postMessage('pwned','*')"><script>parent.postMessage('pwned','*')</script><a href="javascript:parent.postMessage('pwned','*')">link</a><iframe src="${host}/probe/rich-iframe"></iframe><div style="background:url(javascript:alert(1))">styled</div>` +
        `<span style="background:u\\72 l(${host}/probe/rich-escaped-url)">e</span>` +
        `<span style="background-image:image-set('${host}/probe/rich-image-set' 1x)">i</span>` +
        `<span style="background-image:-webkit-image-set('${host}/probe/rich-webkit-image-set' 1x)">w</span>` +
        `<span style="background:ur\\l('${host}/probe/rich-escaped-function')">f</span>` +
        `<span style="width:expression(alert(1))">x</span>` +
        `<span style="color: red; font-weight: bold">kept</span>`,
      nodes: [
        {
          name: 'div',
          attrs: { onclick: "parent.postMessage('pwned','*')", class: 'kept' },
          children: [{ type: 'text', text: 'array node' }],
        },
        { name: 'img', attrs: { src: 'javascript:alert(1)' } },
        { name: 'script', children: [{ type: 'text', text: "parent.postMessage('pwned','*')" }] },
      ],
    });
  },
});
