import { isPlainObject } from '../data/plain-data.ts';
import { settle } from './api-conventions.ts';
import { newOffscreen, type OffscreenLike } from './canvas/canvas-node.ts';
import type { ApiContext } from './create-api.ts';
import type { ContextCommand } from './host-capabilities.ts';

type Api = Record<string, unknown>;

/**
 * The methods each component's context offers, as the typings list them. The view's element
 * answers them (`answerContext`); one it does not answer fails `"<method>:fail not supported"`.
 */
const CONTEXT_METHODS: Record<string, string> = {
  map: 'getCenterLocation getScale getRegion getRotate getSkew moveToLocation includePoints translateMarker moveAlong addMarkers removeMarkers addCustomLayer removeCustomLayer setCenterOffset toScreenLocation fromScreenLocation openMapApp initMarkerCluster addArc removeArc eraseLines addGroundOverlay updateGroundOverlay removeGroundOverlay addVisualLayer removeVisualLayer executeVisualLayerCommand setBoundary setLocMarkerIcon',
  editor:
    'setContents getContents insertText insertImage insertDivider format removeFormat clear undo redo blur getSelectionText scrollIntoView',
  'live-player':
    'play pause resume stop mute requestFullScreen exitFullScreen snapshot requestPictureInPicture exitPictureInPicture',
  camera: 'takePhoto startRecord stopRecord setZoom',
  audio: 'setSrc play pause seek',
  video:
    'play pause stop seek playbackRate requestFullScreen exitFullScreen sendDanmu showStatusBar hideStatusBar',
};

/** Methods whose one argument is a value, not an options object (`VideoContext.seek(10)`). */
const POSITIONAL: Record<string, string> = {
  seek: 'position',
  playbackRate: 'rate',
  setZoom: 'zoom',
  setSrc: 'src',
};

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
    for (const method of CONTEXT_METHODS[target.component]?.split(' ') ?? []) {
      object[method] = (options?: unknown) =>
        settle(method, options, call(target, method, argumentsOf(method, options)), (e) => ctx.report(e));
    }
    // MapContext.on('markerClusterCreate' | 'markerClusterClick', listener): the map draws
    // no clusters, so those events never come; the listener is accepted, as a map without
    // clusters on the platforms accepts it.
    if (target.component === 'map') object.on = (_event: unknown, _listener: unknown) => undefined;
    return object;
  };

  api.createMapContext = (id: unknown) => contextOf({ component: 'map', id: String(id ?? '') });
  api.createLivePlayerContext = (id: unknown) =>
    contextOf({ component: 'live-player', id: String(id ?? '') });
  // One camera per page: the platforms take no id.
  api.createCameraContext = () => contextOf({ component: 'camera' });
  // The legacy AudioContext: `setSrc(src)`, `play()`, `pause()`, `seek(position)`.
  api.createAudioContext = (id: unknown) => contextOf({ component: 'audio', id: String(id ?? '') });

  // A canvas is handed over once; later queries of it name the node already made.
  const canvases = new Map<string, Record<string, unknown>>();
  const nodeOf = (raw: unknown): unknown => {
    if (!isHandle(raw)) return null;
    if (raw.component === 'canvas') {
      const known = canvases.get(raw.token);
      if (known) return known;
      // A canvas never handed over (the simulator's): one of the logic layer's own, of its size.
      const offscreen = raw.offscreen ?? newOffscreen(raw.width ?? 300, raw.height ?? 150);
      if (!offscreen) return null;
      const node = canvasNodeOf(offscreen);
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
