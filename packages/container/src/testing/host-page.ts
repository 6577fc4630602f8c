/**
 * The page tests and the dev server mount programs into: a phone-sized element, the
 * container script, and host secrets (a cookie, a localStorage entry) that no mini program
 * may read.
 */
export function hostPageHtml(options: { containerScript: string; title?: string }): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${options.title ?? 'Plaza host'}</title>
<style>body{margin:0;background:#e9e9ee;font-family:system-ui,sans-serif}#phone{width:375px;height:667px;margin:0;background:#fff;overflow:hidden}</style>
</head><body>
<div id="phone"></div>
<script>
document.cookie = 'host_secret=cookie-value; path=/';
localStorage.setItem('host-secret', 'storage-value');
</script>
<script src="${options.containerScript}"></script>
</body></html>`;
}
