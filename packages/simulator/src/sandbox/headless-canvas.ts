import { encodePng } from '@plaza/runtime';

interface OffscreenLike {
  width: number;
  height: number;
  getContext(type: string): unknown;
  convertToBlob(): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
}

/** Methods of a 2d context that draw or change state: headless, they are accepted and draw nothing. */
const INERT_METHODS = [
  'arc',
  'arcTo',
  'beginPath',
  'bezierCurveTo',
  'clearRect',
  'clip',
  'closePath',
  'drawImage',
  'ellipse',
  'fill',
  'fillRect',
  'fillText',
  'lineTo',
  'moveTo',
  'putImageData',
  'quadraticCurveTo',
  'rect',
  'reset',
  'resetTransform',
  'restore',
  'rotate',
  'roundRect',
  'save',
  'scale',
  'setLineDash',
  'setTransform',
  'stroke',
  'strokeRect',
  'strokeText',
  'transform',
  'translate',
] as const;

const gradient = () => ({ addColorStop: () => undefined });

/**
 * The logic realm's `OffscreenCanvas`: a canvas with no pixels (the simulator's document lays
 * nothing out), behind a 2d canvas node or `wx.createOffscreenCanvas`. A program draws on it
 * without error, measures text by an average glyph, and reads back transparent pixels. What
 * it draws is proved in the browser, not here.
 */
export function headlessCanvas(width: number, height: number): OffscreenLike {
  let font = '10px sans-serif';
  const imageData = (w: unknown, h: unknown) => {
    const cw = Math.max(1, Math.floor(Number(w) || 1));
    const ch = Math.max(1, Math.floor(Number(h) || 1));
    return { width: cw, height: ch, data: new Uint8ClampedArray(cw * ch * 4) };
  };
  const context: Record<string, unknown> = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    globalAlpha: 1,
    get font() {
      return font;
    },
    set font(value: string) {
      font = String(value);
    },
    measureText(text: unknown) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
      return { width: String(text ?? '').length * size * 0.5 };
    },
    createLinearGradient: gradient,
    createRadialGradient: gradient,
    createConicGradient: gradient,
    createPattern: () => ({}),
    getImageData: (_x: unknown, _y: unknown, w: unknown, h: unknown) => imageData(w, h),
    createImageData: (w: unknown, h: unknown) =>
      typeof w === 'object' && w !== null
        ? imageData((w as { width: number }).width, (w as { height: number }).height)
        : imageData(w, h),
    isPointInPath: () => false,
    isPointInStroke: () => false,
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    getLineDash: () => [],
  };
  for (const method of INERT_METHODS) context[method] = () => undefined;
  const canvas: OffscreenLike = {
    width,
    height,
    getContext: (type: string) => (type === '2d' ? context : null),
    convertToBlob: async () => {
      const png = encodePng(
        canvas.width || 1,
        canvas.height || 1,
        new Uint8ClampedArray((canvas.width || 1) * (canvas.height || 1) * 4),
      );
      return { arrayBuffer: async () => png.buffer as ArrayBuffer };
    },
  };
  context.canvas = canvas;
  return canvas;
}
