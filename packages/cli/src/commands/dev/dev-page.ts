import { DEV_HOST_SCRIPT } from './dev-host.ts';
import { DEV_RELOAD_SCRIPT } from './dev-reload.ts';
import type { LaunchPath } from './launch-path.ts';

export interface DevPageConfig {
  appName: string;
  requestDomains: string[];
  webViewDomains: string[];
  /** The page opened first and its query; later reloads stay on the page on screen. */
  launch?: LaunchPath;
  /** Mount the program for the automator (`--auto-port`): its logic reachable, its errors reported. */
  automation?: boolean;
}

/**
 * The dev page: the program in a phone-sized frame, and beside it the current page, its data,
 * the log of host calls, the build status and the scenario toggles. Each new build the server
 * announces is swapped into the running program, or remounts it (see `DEV_RELOAD_SCRIPT`).
 */
export function devPageHtml(config: DevPageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(config.appName)} · plaza dev</title>
<style>
body { margin: 0; display: flex; gap: 24px; padding: 24px; background: #eceef1; font: 13px/1.4 system-ui, sans-serif; color: #1f2329; min-height: 100vh; box-sizing: border-box; }
#device { flex: none; width: 375px; height: 740px; border-radius: 36px; border: 10px solid #111; background: #111; box-shadow: 0 10px 40px rgba(0,0,0,.25); overflow: hidden; }
#phone { width: 375px; height: 740px; background: #fff; }
#panel { flex: 1; min-width: 320px; max-width: 640px; display: flex; flex-direction: column; gap: 12px; }
#panel section { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
#panel h2 { margin: 0 0 8px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #646a73; }
#page { font: 600 15px ui-monospace, monospace; }
#stack { color: #8f959e; font-family: ui-monospace, monospace; }
pre { margin: 0; max-height: 220px; overflow: auto; font: 12px ui-monospace, monospace; white-space: pre-wrap; }
#calls { list-style: none; margin: 0; padding: 0; max-height: 200px; overflow: auto; font: 12px ui-monospace, monospace; }
#calls li { padding: 3px 0; border-bottom: 1px solid #f0f1f2; }
#calls li.fail { color: #d83931; }
#scenario { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; align-items: center; }
#build.error { color: #d83931; white-space: pre-wrap; font-family: ui-monospace, monospace; }
button { font: inherit; padding: 4px 12px; }
</style></head>
<body>
<div id="device"><div id="phone"></div></div>
<div id="panel">
  <section><h2>Page</h2><div id="page">–</div><div id="stack"></div>
    <div style="margin-top:8px"><button id="restart" type="button">Restart</button></div></section>
  <section><h2>Build</h2><div id="build">…</div></section>
  <section><h2>Data</h2><pre id="data">{}</pre></section>
  <section><h2>Host calls</h2><ul id="calls"></ul></section>
  <section><h2>Scenario</h2><div id="scenario">
    <label for="s-login">Login</label><select id="s-login" data-key="login"><option>allow</option><option>deny</option></select>
    <label for="s-payment">Payment</label><select id="s-payment" data-key="payment"><option>paid</option><option>cancelled</option><option>failed</option><option>timeout</option><option>closed</option></select>
    <label for="s-profile">User profile</label><select id="s-profile" data-key="profile"><option>allow</option><option>deny</option></select>
    <label for="s-phone">Phone number</label><select id="s-phone" data-key="phone"><option>allow</option><option>deny</option></select>
    <label for="s-location">Location</label><select id="s-location" data-key="location"><option>allow</option><option>deny</option></select>
    <label for="s-subscribe">Subscription</label><select id="s-subscribe" data-key="subscribe"><option>accept</option><option>reject</option></select>
  </div></section>
</div>
<script src="/container.js"></script>
<script>
const config = ${json};
${DEV_HOST_SCRIPT}
const $ = (id) => document.getElementById(id);
for (const select of document.querySelectorAll('#scenario select')) {
  select.value = scenario[select.dataset.key];
  select.addEventListener('change', () => {
    scenario[select.dataset.key] = select.value;
    localStorage.setItem('plaza-dev-scenario', JSON.stringify(scenario));
  });
}
let app;
let version = 0;
function logCall(call) {
  const li = document.createElement('li');
  li.className = call.ok ? 'ok' : 'fail';
  li.textContent = call.method + '(' + JSON.stringify(call.args).slice(1, -1).slice(0, 80) + ') → ' + (call.ok ? JSON.stringify(call.value ?? null).slice(0, 80) : 'fail ' + call.error);
  $('calls').prepend(li);
}
function start(path) {
  if (app) app.close();
  const launch = config.launch;
  // The launch query belongs to the launch page: a reload on it passes the query again.
  const query = launch && (path === undefined || path === launch.path) ? launch.query : {};
  path = path ?? (launch ? launch.path : undefined);
  $('data').textContent = '{}';
  app = PlazaContainer.mount($('phone'), {
    package: '/package/' + version + '/',
    appId: 'dev:' + config.appName,
    path,
    query,
    host: devHost,
    permissions: { requestDomains: config.requestDomains, webViewDomains: config.webViewDomains },
    automation: config.automation === true,
  });
  if (config.automation) app.on('error', (e) => window.plazaAutomatorError && window.plazaAutomatorError(e));
  const shown = new Map();
  app.on('page', (e) => {
    $('page').textContent = e.path;
    $('stack').textContent = e.stack.join(' › ');
    const data = shown.get(e.pageId);
    if (data) $('data').textContent = JSON.stringify(data, null, 2);
  });
  app.on('data', (e) => {
    shown.set(e.pageId, e.data);
    if (app.currentPage()?.pageId === e.pageId || !app.currentPage()) $('data').textContent = JSON.stringify(e.data, null, 2);
  });
  app.on('hostCall', logCall);
  app.on('error', (e) => logCall({ method: 'error', args: [e.source], ok: false, error: e.message }));
  app.ready.catch((error) => { $('build').className = 'error'; $('build').textContent = String(error.message || error); });
}
$('restart').addEventListener('click', () => app && app.restart());
${DEV_RELOAD_SCRIPT}
</script>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
