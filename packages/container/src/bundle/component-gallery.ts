import { fileURLToPath } from 'node:url';

/**
 * The built-in program that shows every component with its label: `plaza dev` serves it at
 * `/__gallery`, and the container's component tests drive it.
 */
export const COMPONENT_GALLERY_DIR = fileURLToPath(new URL('../../component-gallery', import.meta.url));

/** The host page of the gallery: the container and the gallery package under `packageUrl`. */
export function componentGalleryHtml(packageUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Components · plaza dev</title>
<style>body { margin: 0; padding: 24px; display: flex; justify-content: center; background: #eceef1; }
#phone { width: 375px; height: 740px; border: 10px solid #111; border-radius: 36px; overflow: hidden; background: #fff; }</style>
</head><body><div id="phone"></div>
<script src="/container.js"></script>
<script>
PlazaContainer.mount(document.getElementById('phone'), {
  package: ${JSON.stringify(packageUrl)},
  appId: 'plaza-component-gallery',
  query: Object.fromEntries(new URLSearchParams(location.search)),
  permissions: { camera: true },
});
</script></body></html>`;
}
