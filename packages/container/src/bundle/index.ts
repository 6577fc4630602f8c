/** Node side of the container: builds the browser code (esbuild) for pages and tests. */
export { buildContainerScript, buildFrameBundles } from './build-bundles.ts';
