/** The code that runs inside the sandboxed frames, built by `buildFrameBundles` (esbuild). */
export interface FrameBundles {
  /** Runs in the logic frame: starts the worker. */
  logicFrame: string;
  /** The logic worker: the runtime. */
  logicWorker: string;
  /** Runs in each page's view frame: the view layer and the built-in components. */
  viewFrame: string;
}

// Replaced with the bundles' text when the container itself is bundled for a page.
declare const __PLAZA_FRAMES__: FrameBundles | undefined;

/** The frame code bundled into this build of the container, if any. */
export function bundledFrames(): FrameBundles | undefined {
  return typeof __PLAZA_FRAMES__ === 'undefined' ? undefined : __PLAZA_FRAMES__;
}
