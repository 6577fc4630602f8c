/** Node side of the container: builds the browser code (esbuild) for pages and tests. */
export { buildComponentModules, buildContainerScript, buildFrameBundles } from './build-bundles.ts';
export { COMPONENT_GALLERY_DIR, componentGalleryHtml } from './component-gallery.ts';
