/**
 * The browser container: mounts a built mini program into any web page, sandboxed
 * (logic in a worker inside an opaque-origin frame, each page in its own opaque-origin
 * view frame), with the host chrome and the built-in components.
 *
 * Node tools (the dev server, tests) build the frames' code with `@plaza/container/bundle`.
 */

export {
  type ComponentSettings,
  containerComponents,
  type RichTextNode,
  renderRichText,
} from './components/index.ts';
export { ContainerError, type ContainerErrorCode, containerErrors } from './errors.ts';
export { type AppPermissions, type ConsentRequest, PRIVACY_SCOPES } from './host/permissions.ts';
export type { FrameBundles } from './mount/frame-bundles.ts';
export { type HotUpdate, type MountHandle, type MountOptions, mount } from './mount/mount.ts';
export type { MountEvents, MountListener } from './mount/mount-events.ts';
export type { ContainerManifest, PackageSource } from './mount/package-source.ts';
export { logicFramePolicy, viewFramePolicy } from './sandbox/csp.ts';
export { type SafeAreaInsets, TRANSITION_MS } from './shell/shell.ts';
