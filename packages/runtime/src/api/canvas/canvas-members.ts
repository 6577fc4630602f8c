import { isPlainObject } from '../../data/plain-data.ts';
import { arrayBufferToBase64, base64ToArrayBuffer } from '../base-members.ts';
import type { ApiContext } from '../create-api.ts';
import type { FileStore } from '../files/file-store.ts';
import { type CanvasAction, createCanvasContext } from './canvas-context.ts';
import { canvasNode, newOffscreen, type OffscreenLike, offscreenOf } from './canvas-node.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

function num(value: unknown, fallback: number): number;
function num(value: unknown, fallback: undefined): number | undefined;
function num(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Widths measured on a canvas of the logic layer's own (the simulator's measures by an average glyph). */
function measurer(): (text: string, font: string) => number {
  let context: { font: string; measureText(t: string): { width: number } } | undefined;
  return (text, font) => {
    context ??= newOffscreen(1, 1)?.getContext('2d') as typeof context;
    if (!context) return 0;
    context.font = font;
    return context.measureText(text).width;
  };
}

/**
 * The canvas members: the legacy context (`createCanvasContext`, `createContext`,
 * `drawCanvas`, `canvasToTempFilePath`, `canvasGetImageData`, `canvasPutImageData`) replayed by
 * the view on `<canvas canvas-id>`, and 2d canvas nodes (`createOffscreenCanvas`, and the nodes
 * a selector query hands out, built by `nodeOf`).
 */
export function installCanvasMembers(
  api: Api,
  ctx: ApiContext,
  define: Define,
  store: FileStore,
): { nodeOf(offscreen: OffscreenLike): Record<string, unknown> } {
  const measure = measurer();
  /** The app's temporary files reach the view as data URLs; other sources as written. */
  const imageSource = (src: string): string => {
    const file = store.get(src);
    if (!file) return src;
    const type = /\.jpe?g$/i.test(src) ? 'image/jpeg' : 'image/png';
    return `data:${type};base64,${arrayBufferToBase64(file.data.buffer as ArrayBuffer)}`;
  };
  const draw = (canvasId: string) => (actions: CanvasAction[], reserve: boolean) =>
    ctx.host
      .viewCommand({ kind: 'canvas.draw', canvasId, actions, reserve })
      .then(() => undefined)
      .catch((error: unknown) => {
        ctx.log('warn', `CanvasContext.draw:fail ${(error as Error)?.message ?? error}`);
        throw error;
      });

  api.createCanvasContext = (canvasId: unknown) =>
    createCanvasContext(draw(String(canvasId ?? '')), measure, imageSource);
  // The 2016 API: a context with no canvas, whose calls `drawCanvas` takes by `getActions()`.
  api.createContext = () =>
    createCanvasContext(() => Promise.reject(new Error('use wx.drawCanvas')), measure, imageSource);
  define('drawCanvas', async (o) => {
    const actions = Array.isArray(o.actions) ? (o.actions as CanvasAction[]) : [];
    await ctx.host.viewCommand({
      kind: 'canvas.draw',
      canvasId: String(o.canvasId ?? ''),
      actions,
      reserve: o.reserve === true,
    });
  });

  define('canvasToTempFilePath', async (o) => {
    const fileType = o.fileType === 'jpg' ? 'jpg' : 'png';
    const quality = Math.min(1, Math.max(0, num(o.quality, 1)));
    let bytes: Uint8Array;
    const offscreen = offscreenOf(o.canvas);
    if (o.canvas !== undefined) {
      if (!offscreen) throw new Error('canvas is not a canvas node');
      const blob = await offscreen.convertToBlob({
        type: fileType === 'jpg' ? 'image/jpeg' : 'image/png',
        quality,
      });
      bytes = new Uint8Array(await blob.arrayBuffer());
    } else {
      const answer = (await ctx.host.viewCommand({
        kind: 'canvas.export',
        canvasId: String(o.canvasId ?? ''),
        x: num(o.x, 0),
        y: num(o.y, 0),
        // Left out, the view takes the canvas's own size.
        width: num(o.width, undefined),
        height: num(o.height, undefined),
        destWidth: num(o.destWidth, undefined),
        destHeight: num(o.destHeight, undefined),
        fileType,
        quality,
      })) as { data?: unknown } | undefined;
      if (typeof answer?.data !== 'string') throw new Error('the canvas could not be read');
      bytes = new Uint8Array(base64ToArrayBuffer(answer.data));
    }
    const tempFilePath = store.tempPath(`canvas.${fileType}`);
    await store.write(tempFilePath, bytes);
    return { tempFilePath };
  });

  define('canvasGetImageData', async (o) => {
    const answer = (await ctx.host.viewCommand({
      kind: 'canvas.getImageData',
      canvasId: String(o.canvasId ?? ''),
      x: num(o.x, 0),
      y: num(o.y, 0),
      width: num(o.width, 0),
      height: num(o.height, 0),
    })) as { width?: number; height?: number; data?: unknown } | undefined;
    if (!answer || !(answer.data instanceof Uint8ClampedArray))
      throw new Error('the canvas could not be read');
    return { width: answer.width, height: answer.height, data: answer.data };
  });

  define('canvasPutImageData', async (o) => {
    const width = num(o.width, 0);
    const height = num(o.height, 0);
    const data =
      o.data instanceof Uint8ClampedArray
        ? o.data
        : Array.isArray(o.data)
          ? Uint8ClampedArray.from(o.data as number[])
          : undefined;
    if (!data || width <= 0 || height <= 0 || data.length !== width * height * 4)
      throw new Error('data should be width × height × 4 bytes');
    await ctx.host.viewCommand({
      kind: 'canvas.putImageData',
      canvasId: String(o.canvasId ?? ''),
      x: num(o.x, 0),
      y: num(o.y, 0),
      width,
      height,
      data,
    });
  });

  const loadImage = async (src: string) => {
    const bitmap = await ctx.host.viewCommand({ kind: 'image', src: imageSource(src) });
    if (typeof bitmap !== 'object' || bitmap === null) throw new Error(`could not load ${src}`);
    return bitmap as { width: number; height: number };
  };
  const report = (error: unknown) => ctx.report(error);
  const nodeOf = (offscreen: OffscreenLike) => canvasNode(offscreen, loadImage, report);

  api.createOffscreenCanvas = (options?: unknown, height?: unknown) => {
    // Both forms: `({ type, width, height })` and the older `(width, height)`.
    const o = isPlainObject(options) ? options : { width: options, height };
    const offscreen = newOffscreen(
      Math.max(1, Math.floor(num(o.width, 300))),
      Math.max(1, Math.floor(num(o.height, 150))),
    );
    return offscreen ? nodeOf(offscreen) : null;
  };
  return { nodeOf };
}
