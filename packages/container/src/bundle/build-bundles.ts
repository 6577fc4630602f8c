import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import type { FrameBundles } from '../mount/frame-bundles.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const common: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
};

async function bundle(entry: string, extra: BuildOptions = {}): Promise<string> {
  const result = await build({ ...common, entryPoints: [here(entry)], ...extra });
  return result.outputFiles![0]!.text;
}

/**
 * Bundles the code of the three sandboxed contexts (logic frame, logic worker, view frame).
 * @example const frames = await buildFrameBundles(); mount(el, { package, frames });
 */
export async function buildFrameBundles(): Promise<FrameBundles> {
  const [logicFrame, logicWorker, viewFrame] = await Promise.all([
    bundle('../logic-frame/frame-main.ts'),
    bundle('../logic-frame/worker-main.ts'),
    bundle('../view-frame/frame-main.ts'),
  ]);
  return { logicFrame, logicWorker, viewFrame };
}

/**
 * The whole container as one classic script for a web page: defines `globalThis.PlazaContainer`
 * (`mount`, …) with the frames' code built in.
 * @example res.end(await buildContainerScript());  // <script src="/plaza-container.js">
 */
export async function buildContainerScript(frames?: FrameBundles): Promise<string> {
  const built = frames ?? (await buildFrameBundles());
  return bundle('../index.ts', {
    globalName: 'PlazaContainer',
    define: { __PLAZA_FRAMES__: JSON.stringify(built) },
  });
}

/** Entry of each component loaded on first use, by the name the frame asks for. */
const COMPONENT_ENTRIES: Readonly<Record<string, string>> = {
  feedback: '../components/feedback/legacy-feedback.ts',
  audio: '../components/audio/audio-component.ts',
  camera: '../components/camera/camera-component.ts',
  map: '../components/map/map-component.ts',
  editor: '../components/editor/editor-component.ts',
  'live-player': '../components/live-player/live-player-component.ts',
  'map-tiles': '../components/map/map-tiles.ts',
  canvas: '../components/canvas/legacy-canvas.ts',
  animate: '../view-frame/element-animations.ts',
};

/** MapLibre's worker as a classic script, for the tile module to start from a blob. */
async function mapLibreWorker(): Promise<string> {
  const result = await build({
    ...common,
    entryPoints: [fileURLToPath(import.meta.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'))],
  });
  return result.outputFiles![0]!.text;
}

/**
 * Bundles the components a page frame loads on first use (their libraries stay out of every
 * frame's boot): serve each as `<components>/<name>.js` (`mount({ components })`).
 * @example for (const [name, code] of Object.entries(await buildComponentModules())) files.set(`${name}.js`, code);
 */
export async function buildComponentModules(): Promise<Record<string, string>> {
  const names = Object.keys(COMPONENT_ENTRIES);
  const worker = await mapLibreWorker();
  const built = await Promise.all(
    names.map((name) =>
      bundle(
        COMPONENT_ENTRIES[name]!,
        name === 'map-tiles' ? { define: { __MAPLIBRE_WORKER__: JSON.stringify(worker) } } : {},
      ),
    ),
  );
  return Object.fromEntries(names.map((name, i) => [name, built[i]!]));
}
