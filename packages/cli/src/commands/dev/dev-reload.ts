/**
 * How the dev page takes each build the server announces: in place when the server sent a hot
 * update (the program keeps running, its pages their data and its stack), else by mounting the
 * program again on the page it was showing. Runs in the browser as part of the dev page's
 * script (after `start`, `app` and `version` are declared), so it is kept as source text.
 */
export const DEV_RELOAD_SCRIPT = `
const events = new EventSource('/events');
events.addEventListener('build', (event) => {
  const build = JSON.parse(event.data);
  $('build').className = build.ok ? '' : 'error';
  if (!build.ok) {
    $('build').textContent = build.errors.join('\\n');
    return;
  }
  if (build.version === version) return;
  const previous = version;
  version = build.version;
  const path = app && app.currentPage() ? app.currentPage().path : undefined;
  const remount = () => {
    $('build').textContent = 'Built version ' + version + ' in ' + build.ms + ' ms';
    $('build').dataset.version = String(version);
    start(path);
  };
  if (!build.hot || !app || previous === 0) return remount();
  // A program that did not start or ended on an error has nothing to swap into.
  app.hotUpdate({ ...build.hot, package: '/package/' + version + '/' }).then((swapped) => {
    if (!swapped) return remount();
    $('build').textContent = 'Built version ' + version + ' in ' + build.ms + ' ms, swapped in';
    $('build').dataset.version = String(version);
  }, remount);
});
`;
