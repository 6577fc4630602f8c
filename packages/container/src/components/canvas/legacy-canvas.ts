import type { CanvasAction, CanvasCommand, CanvasPaint } from '@plaza/runtime';
import { defineLazyComponent } from '../lazy-component.ts';
import { fitCanvas } from './canvas-size.ts';

type Draw = Extract<CanvasCommand, { kind: 'canvas.draw' }>;
type Export = Extract<CanvasCommand, { kind: 'canvas.export' }>;
type GetImageData = Extract<CanvasCommand, { kind: 'canvas.getImageData' }>;
type PutImageData = Extract<CanvasCommand, { kind: 'canvas.putImageData' }>;

/** Methods a recorded call may name: the 2d context's drawing methods, nothing else of it. */
const METHODS = new Set([
  'arc',
  'arcTo',
  'beginPath',
  'bezierCurveTo',
  'clearRect',
  'clip',
  'closePath',
  'fill',
  'fillRect',
  'lineTo',
  'moveTo',
  'quadraticCurveTo',
  'rect',
  'restore',
  'rotate',
  'save',
  'scale',
  'stroke',
  'strokeRect',
  'transform',
  'translate',
  'fillText',
  'strokeText',
  'drawImage',
  'setLineDash',
  'setTransform',
]);
const PROPERTIES = new Set([
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'lineDashOffset',
  'font',
  'globalAlpha',
  'globalCompositeOperation',
  'shadowBlur',
  'shadowColor',
  'shadowOffsetX',
  'shadowOffsetY',
  'textAlign',
  'textBaseline',
]);

/** The legacy canvas of the page with this `canvas-id` (a 2d or webgl canvas is never one). */
function canvasById(doc: Document, canvasId: string): HTMLCanvasElement {
  for (const el of Array.from(doc.querySelectorAll<HTMLCanvasElement>('canvas[data-plaza="canvas"]')))
    if (el.dataset.canvasId === canvasId && !el.hasAttribute('data-type')) return el;
  throw new Error(`canvas "${canvasId}" not found`);
}

const ratioOf = (el: HTMLCanvasElement) => el.ownerDocument.defaultView?.devicePixelRatio ?? 1;

/** Decodes an image the way `<img>` loads it (so another origin's image taints the canvas). */
export function loadImage(doc: Document, src: string, cors = false): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = doc.createElement('img');
    if (cors) image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load image "${src.slice(0, 200)}"`));
    image.src = src;
  });
}

function paintOf(
  context: CanvasRenderingContext2D,
  paint: CanvasPaint,
  images: Map<string, HTMLImageElement>,
): string | CanvasGradient | CanvasPattern | null {
  if (typeof paint === 'string') return paint;
  if ('gradient' in paint) {
    const [a = 0, b = 0, c = 0, d = 0] = paint.args;
    const gradient =
      paint.gradient === 'linear'
        ? context.createLinearGradient(a, b, c, d)
        : context.createRadialGradient(a, b, 0, a, b, c);
    for (const [offset, color] of paint.stops) gradient.addColorStop(offset, color);
    return gradient;
  }
  const image = images.get(paint.pattern);
  return image ? context.createPattern(image, paint.repetition) : null;
}

/**
 * Replays a legacy context's calls on its `<canvas canvas-id>`: without `reserve` the canvas
 * is cleared and its state reset first; images are loaded before anything is drawn.
 */
export async function drawLegacyCanvas(doc: Document, command: Draw): Promise<void> {
  const el = canvasById(doc, command.canvasId);
  const sources = new Set<string>();
  for (const action of command.actions) {
    if ('method' in action && action.method === 'drawImage' && typeof action.args[0] === 'string')
      sources.add(action.args[0]);
    if ('set' in action && typeof action.value === 'object' && 'pattern' in action.value)
      sources.add(action.value.pattern);
  }
  const images = new Map<string, HTMLImageElement>();
  await Promise.all(
    [...sources].map(async (src) => {
      images.set(src, await loadImage(doc, src));
    }),
  );
  const context = el.getContext('2d');
  if (!context) throw new Error('the canvas has no 2d context');
  if (!command.reserve) {
    fitCanvas(el);
    context.reset?.();
    context.clearRect(0, 0, el.width, el.height);
  }
  const ratio = ratioOf(el);
  context.save();
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const action of command.actions) replay(context, action, images, ratio);
  context.restore();
}

function replay(
  context: CanvasRenderingContext2D,
  action: CanvasAction,
  images: Map<string, HTMLImageElement>,
  ratio: number,
): void {
  if ('set' in action) {
    if (!PROPERTIES.has(action.set)) return;
    const value =
      action.set === 'fillStyle' || action.set === 'strokeStyle'
        ? paintOf(context, action.value as CanvasPaint, images)
        : action.value;
    if (value !== null) (context as unknown as Record<string, unknown>)[action.set] = value;
    return;
  }
  if (!METHODS.has(action.method)) return;
  const args = action.args as unknown[];
  if (action.method === 'drawImage') {
    const image = images.get(String(args[0]));
    const numbers = args.slice(1).map(Number);
    if (image) (context.drawImage as (...a: unknown[]) => void)(image, ...numbers);
    return;
  }
  if (action.method === 'setTransform') {
    // The program's transform is in its own pixels; the canvas's are device pixels.
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = args.map(Number);
    context.setTransform(a * ratio, b * ratio, c * ratio, d * ratio, e * ratio, f * ratio);
    return;
  }
  const method = (context as unknown as Record<string, (...a: unknown[]) => void>)[action.method];
  method?.apply(context, args);
}

/** The region of a legacy canvas, in the program's pixels, drawn to a canvas of the asked size. */
function region(
  el: HTMLCanvasElement,
  x: number,
  y: number,
  width: number,
  height: number,
  destWidth: number,
  destHeight: number,
): HTMLCanvasElement {
  const ratio = ratioOf(el);
  const out = el.ownerDocument.createElement('canvas');
  out.width = Math.max(1, Math.round(destWidth));
  out.height = Math.max(1, Math.round(destHeight));
  out
    .getContext('2d')
    ?.drawImage(el, x * ratio, y * ratio, width * ratio, height * ratio, 0, 0, out.width, out.height);
  return out;
}

/**
 * `canvasToTempFilePath`: the region as PNG or JPEG bytes in base64. A canvas that drew
 * another origin's image is tainted: the browser refuses to read it, and so does this.
 */
export function exportLegacyCanvas(doc: Document, command: Export): { data: string } {
  const el = canvasById(doc, command.canvasId);
  const ratio = ratioOf(el);
  const width = command.width ?? el.width / ratio - command.x;
  const height = command.height ?? el.height / ratio - command.y;
  const out = region(
    el,
    command.x,
    command.y,
    width,
    height,
    command.destWidth ?? width * ratio,
    command.destHeight ?? height * ratio,
  );
  let url: string;
  try {
    url = out.toDataURL(command.fileType === 'jpg' ? 'image/jpeg' : 'image/png', command.quality);
  } catch {
    throw new Error('the canvas shows an image of another origin and cannot be read');
  }
  return { data: url.slice(url.indexOf(',') + 1) };
}

/** `canvasGetImageData`: the region's pixels at the program's scale. */
export function legacyImageData(
  doc: Document,
  command: GetImageData,
): { width: number; height: number; data: Uint8ClampedArray } {
  if (!(command.width > 0 && command.height > 0)) throw new Error('width and height should be positive');
  const el = canvasById(doc, command.canvasId);
  const out = region(el, command.x, command.y, command.width, command.height, command.width, command.height);
  try {
    const image = out.getContext('2d')!.getImageData(0, 0, out.width, out.height);
    return { width: image.width, height: image.height, data: image.data };
  } catch {
    throw new Error('the canvas shows an image of another origin and cannot be read');
  }
}

/** `canvasPutImageData`: pixels at the program's scale, drawn at (x, y). */
export function putLegacyImageData(doc: Document, command: PutImageData): void {
  const el = canvasById(doc, command.canvasId);
  const ratio = ratioOf(el);
  const source = doc.createElement('canvas');
  source.width = command.width;
  source.height = command.height;
  source
    .getContext('2d')!
    .putImageData(new ImageData(new Uint8ClampedArray(command.data), command.width, command.height), 0, 0);
  const context = el.getContext('2d')!;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(command.x * ratio, command.y * ratio, command.width * ratio, command.height * ratio);
  context.imageSmoothingEnabled = false;
  context.drawImage(
    source,
    command.x * ratio,
    command.y * ratio,
    command.width * ratio,
    command.height * ratio,
  );
  context.restore();
}

/**
 * An image decoded for a 2d canvas node in the worker. A tainted bitmap cannot cross to the
 * worker, so another origin's image is fetched with CORS and refused when its server does
 * not allow it: the logic can then never read pixels it may not read.
 */
export async function imageBitmapOf(doc: Document, src: string): Promise<ImageBitmap> {
  const image = await loadImage(doc, src, true).catch(() => {
    throw new Error(
      `could not load image "${src.slice(0, 200)}" (another origin's image needs CORS to be drawn on a canvas node)`,
    );
  });
  return doc.defaultView!.createImageBitmap(image);
}

/** What the page frame loads on a program's first canvas command (kept out of every frame's boot). */
export interface LegacyCanvasModule {
  drawLegacyCanvas: typeof drawLegacyCanvas;
  exportLegacyCanvas: typeof exportLegacyCanvas;
  legacyImageData: typeof legacyImageData;
  putLegacyImageData: typeof putLegacyImageData;
  imageBitmapOf: typeof imageBitmapOf;
}

defineLazyComponent('canvas', {
  drawLegacyCanvas,
  exportLegacyCanvas,
  legacyImageData,
  putLegacyImageData,
  imageBitmapOf,
} satisfies LegacyCanvasModule);
