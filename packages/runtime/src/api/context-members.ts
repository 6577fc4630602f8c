import { isPlainObject } from '../data/plain-data.ts';
import { settle } from './api-conventions.ts';
import type { OffscreenLike } from './canvas/canvas-node.ts';
import { headlessCanvas } from './canvas/headless-canvas.ts';
import type { ApiContext } from './create-api.ts';
import type { ContextCommand } from './host-capabilities.ts';

type Api = Record<string, unknown>;

/**
 * The methods each component's context offers, as the typings list them. The view's element
 * answers them (`answerContext`); one it does not answer fails `"<method>:fail not supported"`.
 */
const CONTEXT_METHODS: Record<string, readonly string[]> = {
  map: [
    'getCenterLocation',
    'getScale',
    'getRegion',
    'getRotate',
    'getSkew',
    'moveToLocation',
    'includePoints',
    'translateMarker',
    'moveAlong',
    'addMarkers',
    'removeMarkers',
    'addCustomLayer',
    'removeCustomLayer',
    'setCenterOffset',
    'toScreenLocation',
    'fromScreenLocation',
    'openMapApp',
  ],
  editor: [
    'setContents',
    'getContents',
    'insertText',
    'insertImage',
    'insertDivider',
    'format',
    'removeFormat',
    'clear',
    'undo',
    'redo',
    'blur',
    'getSelectionText',
    'scrollIntoView',
  ],
  'live-player': [
    'play',
    'pause',
    'resume',
    'stop',
    'mute',
    'requestFullScreen',
    'exitFullScreen',
    'snapshot',
    'requestPictureInPicture',
    'exitPictureInPicture',
  ],
  camera: ['takePhoto', 'startRecord', 'stopRecord', 'setZoom'],
  video: [
    'play',
    'pause',
    'stop',
    'seek',
    'playbackRate',
    'requestFullScreen',
    'exitFullScreen',
    'sendDanmu',
    'showStatusBar',
    'hideStatusBar',
  ],
};

/** The legacy `AudioContext` takes plain arguments and no callbacks. */
const AUDIO_ARGUMENTS: Record<string, string | undefined> = {
  setSrc: 'src',
  play: undefined,
  pause: undefined,
  seek: 'position',
};

/** Methods whose one argument is a value, not an options object (`VideoContext.seek(10)`). */
const POSITIONAL: Record<string, string> = { seek: 'position', playbackRate: 'rate', setZoom: 'zoom' };

/** Plain data of an options object: what crosses to the view (callbacks stay here). */
function argumentsOf(method: string, options: unknown): Record<string, unknown> {
  const name = POSITIONAL[method];
  if (name && (typeof options === 'number' || typeof options === 'string')) return { [name]: options };
  if (!isPlainObject(options)) return {};
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
}

/** Where a context's calls go: a component's element, by its id or by a query's handle. */
type Target = Pick<ContextCommand, 'component' | 'id' | 'token'>;

/** A raw node or context a selector query answered, as the view describes it. */
interface ViewHandle {
  component: string;
  token: string;
  offscreen?: OffscreenLike;
  /** The canvas's size in CSS pixels, when it has no OffscreenCanvas to hand over. */
  width?: number;
  height?: number;
}

const isHandle = (value: unknown): value is ViewHandle =>
  isPlainObject(value) && typeof value.component === 'string' && typeof value.token === 'string';

/**
 * Context objects that act on the page's components from the logic layer:
 * `createMapContext`, `createLivePlayerContext`, `createCameraContext`, the legacy
 * `createAudioContext`, and the `node`/`context` fields of a selector query (an
 * `EditorContext`, a 2d canvas node…). `materialise` turns the view's answer into them.
 */
export function installContextMembers(
  api: Api,
  ctx: ApiContext,
  canvasNodeOf: (offscreen: OffscreenLike) => Record<string, unknown>,
): { materialise(result: unknown): unknown } {
  const call = (target: Target, method: string, args: Record<string, unknown>) =>
    ctx.host.viewCommand({ kind: 'context', ...target, method, args });

  const contextOf = (target: Target): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    for (const method of CONTEXT_METHODS[target.component] ?? []) {
      object[method] = (options?: unknown) =>
        settle(method, options, call(target, method, argumentsOf(method, options)), (e) => ctx.report(e));
    }
    return object;
  };

  api.createMapContext = (id: unknown) => contextOf({ component: 'map', id: String(id ?? '') });
  api.createLivePlayerContext = (id: unknown) =>
    contextOf({ component: 'live-player', id: String(id ?? '') });
  // One camera per page: the platforms take no id.
  api.createCameraContext = () => contextOf({ component: 'camera' });
  api.createAudioContext = (id: unknown) => {
    const target: Target = { component: 'audio', id: String(id ?? '') };
    const object: Record<string, unknown> = {};
    for (const [method, name] of Object.entries(AUDIO_ARGUMENTS)) {
      object[method] = (value?: unknown) => {
        call(target, method, name ? { [name]: value } : {}).catch((error: unknown) =>
          ctx.log('warn', `AudioContext.${method}:fail ${(error as Error)?.message ?? error}`),
        );
      };
    }
    return object;
  };

  // A canvas is handed over once; later queries of it name the node already made.
  const canvases = new Map<string, Record<string, unknown>>();
  const nodeOf = (raw: unknown): unknown => {
    if (!isHandle(raw)) return null;
    if (raw.component === 'canvas') {
      const known = canvases.get(raw.token);
      if (known) return known;
      // No OffscreenCanvas for a canvas never handed over: the simulator's, which has no pixels.
      const node = canvasNodeOf(raw.offscreen ?? headlessCanvas(raw.width ?? 300, raw.height ?? 150));
      canvases.set(raw.token, node);
      return node;
    }
    return contextOf({ component: raw.component, token: raw.token });
  };
  const materialiseOne = (result: unknown): unknown => {
    if (!isPlainObject(result)) return result;
    const out = { ...result };
    if ('node' in out) out.node = nodeOf(out.node);
    if ('context' in out) out.context = isHandle(out.context) ? contextOf(out.context) : null;
    return out;
  };
  return {
    materialise: (result) => (Array.isArray(result) ? result.map(materialiseOne) : materialiseOne(result)),
  };
}
