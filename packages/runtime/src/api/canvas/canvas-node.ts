import { bytesToBase64, encodePng } from './png-encoding.ts';

/** What the runtime uses of the worker's `OffscreenCanvas` (the package compiles without the DOM library). */
export interface OffscreenLike {
  width: number;
  height: number;
  getContext(type: string, attributes?: unknown): unknown;
  convertToBlob(options?: {
    type?: string;
    quality?: number;
  }): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
}

interface Context2d {
  drawImage(image: unknown, ...rest: number[]): void;
  createPattern(image: unknown, repetition: string | null): unknown;
  getImageData(
    x: number,
    y: number,
    w: number,
    h: number,
  ): { width: number; height: number; data: Uint8ClampedArray };
  createImageData(...args: unknown[]): unknown;
}

/** Decodes an image source for a canvas: resolves with something `drawImage` takes. */
export type ImageLoader = (src: string) => Promise<{ width: number; height: number }>;

type Scope = {
  requestAnimationFrame?: (cb: (time: number) => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  Path2D?: new (path?: unknown) => unknown;
  OffscreenCanvas?: new (width: number, height: number) => OffscreenLike;
};
const scope = globalThis as unknown as Scope;

/** What `createImage` makes: the platforms' image object, with the decoded bitmap behind it. */
type CanvasImage = Record<string, unknown> & { src: string };
const BITMAPS = new WeakMap<object, unknown>();

/** `canvas.createImage()`: an image whose `src` the view decodes; `onload`/`onerror` as on the platforms. */
function canvasImage(load: ImageLoader, report: (error: unknown) => void): CanvasImage {
  let source = '';
  const fire = (name: 'onload' | 'onerror', event: unknown) => {
    const handler = image[name];
    if (typeof handler !== 'function') return;
    try {
      handler.call(image, event);
    } catch (error) {
      report(error);
    }
  };
  const image = {
    onload: null,
    onerror: null,
    width: 0,
    height: 0,
    complete: false,
    get src() {
      return source;
    },
    set src(value: string) {
      const asked = String(value ?? '');
      source = asked;
      image.complete = false;
      load(asked).then(
        (bitmap) => {
          if (asked !== source) return;
          BITMAPS.set(image, bitmap);
          Object.assign(image, { width: bitmap.width, height: bitmap.height, complete: true });
          fire('onload', { type: 'load' });
        },
        (error: unknown) => {
          if (asked === source)
            fire('onerror', { type: 'error', errMsg: (error as Error)?.message ?? String(error) });
        },
      );
    },
  } as CanvasImage;
  return image;
}

const unwrap = (image: unknown) => (image && typeof image === 'object' && BITMAPS.get(image)) || image;

/**
 * The platforms' `Canvas` node over an `OffscreenCanvas` the view handed the worker (a
 * `<canvas type="2d">` reached with `SelectorQuery.fields({ node: true })`, or
 * `wx.createOffscreenCanvas`): `getContext`, `createImage`, `requestAnimationFrame`,
 * `toDataURL`. Drawing happens in the worker and shows in the page's element.
 */
export function canvasNode(
  offscreen: OffscreenLike,
  loadImage: ImageLoader,
  report: (error: unknown) => void,
): Record<string, unknown> {
  const node: Record<string, unknown> = {
    getContext(type: unknown, attributes?: unknown) {
      const kind = String(type ?? '2d');
      const context = offscreen.getContext(kind, attributes) as Context2d | null;
      if (context && kind === '2d' && !Object.hasOwn(context, 'drawImage')) {
        // The platforms draw their own image objects; the browser draws the decoded bitmap.
        const drawImage = context.drawImage.bind(context);
        const createPattern = context.createPattern.bind(context);
        Object.assign(context, {
          drawImage: (image: unknown, ...rest: number[]) => drawImage(unwrap(image), ...rest),
          createPattern: (image: unknown, repetition: string | null) =>
            createPattern(unwrap(image), repetition),
        });
      }
      return context;
    },
    createImage: () => canvasImage(loadImage, report),
    createImageData(...args: unknown[]) {
      const context = offscreen.getContext('2d') as Context2d | null;
      return context?.createImageData(...args) ?? null;
    },
    createPath2D: (path?: unknown) => (scope.Path2D ? new scope.Path2D(path) : null),
    requestAnimationFrame(callback: unknown) {
      if (typeof callback !== 'function') return 0;
      const run = (time: number) => {
        try {
          callback(time);
        } catch (error) {
          report(error);
        }
      };
      // The simulator's realm has no frames: a 60 Hz timer stands in.
      return scope.requestAnimationFrame
        ? scope.requestAnimationFrame(run)
        : setTimeout(() => run(Date.now()), 16);
    },
    cancelAnimationFrame(id: unknown) {
      if (scope.cancelAnimationFrame) scope.cancelAnimationFrame(Number(id));
      else clearTimeout(id as number);
    },
    /**
     * A PNG data URL, synchronously. Throws the browser's SecurityError when another origin's
     * image was drawn, as `toDataURL` does on a tainted canvas.
     */
    toDataURL() {
      const context = offscreen.getContext('2d') as Context2d | null;
      if (!context || offscreen.width === 0 || offscreen.height === 0) return 'data:,';
      const pixels = context.getImageData(0, 0, offscreen.width, offscreen.height);
      const png = encodePng(pixels.width, pixels.height, pixels.data);
      return `data:image/png;base64,${bytesToBase64(png)}`;
    },
  };
  for (const side of ['width', 'height'] as const) {
    Object.defineProperty(node, side, {
      enumerable: true,
      get: () => offscreen[side],
      set: (value: unknown) => {
        offscreen[side] = Math.max(0, Math.floor(Number(value) || 0));
      },
    });
  }
  // `canvasToTempFilePath({ canvas })` finds the canvas behind the node.
  OFFSCREEN_OF.set(node, offscreen);
  return node;
}

const OFFSCREEN_OF = new WeakMap<object, OffscreenLike>();

/** The `OffscreenCanvas` behind a node this module made, if `node` is one. */
export function offscreenOf(node: unknown): OffscreenLike | undefined {
  return node && typeof node === 'object' ? OFFSCREEN_OF.get(node) : undefined;
}

/** `wx.createOffscreenCanvas`: a canvas of the worker's own, when the worker has them. */
export function newOffscreen(width: number, height: number): OffscreenLike | undefined {
  return scope.OffscreenCanvas ? new scope.OffscreenCanvas(width, height) : undefined;
}
