/**
 * The legacy `CanvasContext` (`wx.createCanvasContext`, `wx.createContext`): the logic layer
 * records draw calls as plain data, and `draw()` hands them to the view, which replays them on
 * the page's `<canvas canvas-id>`. Nothing here touches a canvas, so it runs in the worker and
 * headless alike.
 */

/** A paint the view can rebuild: a colour, or a gradient or pattern described as data. */
export type CanvasPaint =
  | string
  | { gradient: 'linear' | 'circular'; args: number[]; stops: Array<[number, string]> }
  | { pattern: string; repetition: string };

/** One recorded call: a method of CanvasRenderingContext2D or a property set. */
export type CanvasAction =
  | { method: string; args: Array<number | string | boolean | number[]> }
  | { set: string; value: number | string | CanvasPaint };

/** Methods replayed as the browser's own, with their numeric arguments. */
const PLAIN_METHODS =
  'arc arcTo beginPath bezierCurveTo clearRect clip closePath fill fillRect lineTo moveTo quadraticCurveTo rect restore rotate save scale stroke strokeRect transform translate fillText strokeText drawImage'.split(
    ' ',
  );

const SETTERS =
  'fillStyle strokeStyle lineWidth lineCap lineJoin miterLimit globalAlpha textAlign textBaseline';

/** Properties a program assigns (`ctx.fillStyle = 'red'`), as the typings list them. */
export const CANVAS_PROPERTIES =
  'fillStyle strokeStyle lineWidth lineCap lineJoin miterLimit lineDashOffset font globalAlpha globalCompositeOperation shadowBlur shadowColor shadowOffsetX shadowOffsetY textAlign textBaseline'.split(
    ' ',
  );

interface Gradient {
  addColorStop(offset: number, color: string): void;
}

/** How `draw` reaches the view: resolves when the canvas shows the calls. */
export type DrawCanvas = (actions: CanvasAction[], reserve: boolean) => Promise<void>;

/** Text widths without a canvas: the worker measures with its own when it has one. */
export type MeasureText = (text: string, font: string) => number;

const GRADIENTS = new WeakMap<object, Extract<CanvasPaint, { gradient: string }>>();

function paintOf(value: unknown): CanvasPaint | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const gradient = GRADIENTS.get(value);
    if (gradient) return { ...gradient, stops: [...gradient.stops] };
    const v = value as Record<string, unknown>;
    if (typeof v.pattern === 'string')
      return { pattern: v.pattern, repetition: String(v.repetition ?? 'repeat') };
  }
  return undefined;
}

const argOf = (a: unknown): number | string | boolean | number[] =>
  typeof a === 'string' || typeof a === 'boolean' ? a : Array.isArray(a) ? a.map(Number) : Number(a);

/**
 * A recording `CanvasContext`. `imageSource` turns a program's image path into one the view
 * can load (the app's temporary files become data URLs).
 * @example const ctx = createCanvasContext(draw, measure, src => src); ctx.setFillStyle('red'); ctx.fillRect(0, 0, 10, 10); ctx.draw();
 */
export function createCanvasContext(
  draw: DrawCanvas,
  measure: MeasureText,
  imageSource: (src: string) => string,
): Record<string, unknown> {
  // Paints are read when `draw` sends, so a gradient's stops added after it was set count.
  let pending: Array<{ set: string; value: unknown } | CanvasAction> = [];
  let font = '10px sans-serif';
  const state: Record<string, unknown> = {};
  const record = (action: { set: string; value: unknown } | CanvasAction) => {
    pending.push(action);
  };
  const set = (name: string, value: unknown) => {
    state[name] = value;
    if (name === 'font') font = String(value);
    record({ set: name, value });
  };
  /** The recorded calls as data, paints read now; the record starts afresh. */
  const take = (): CanvasAction[] => {
    const sent: CanvasAction[] = [];
    for (const action of pending) {
      if (!('set' in action)) sent.push(action);
      else {
        const value =
          action.set === 'fillStyle' || action.set === 'strokeStyle'
            ? paintOf(action.value)
            : typeof action.value === 'number' || typeof action.value === 'string'
              ? action.value
              : undefined;
        if (value !== undefined) sent.push({ set: action.set, value });
      }
    }
    pending = [];
    return sent;
  };
  const context: Record<string, unknown> = {
    draw(reserve?: unknown, callback?: unknown) {
      draw(take(), reserve === true).then(
        () => {
          if (typeof callback === 'function') callback();
        },
        () => undefined, // the draw's failure reached the developer log
      );
    },
    /** `wx.createContext`'s contexts hand their calls to `wx.drawCanvas`. */
    getActions: () => take(),
    clearActions() {
      pending = [];
    },
    measureText(text: unknown) {
      return { width: measure(String(text ?? ''), font) };
    },
    createLinearGradient(x0: unknown, y0: unknown, x1: unknown, y1: unknown) {
      return gradient('linear', [x0, y0, x1, y1]);
    },
    createCircularGradient(x: unknown, y: unknown, r: unknown) {
      return gradient('circular', [x, y, r]);
    },
    createPattern(image: unknown, repetition: unknown) {
      return { pattern: imageSource(String(image ?? '')), repetition: String(repetition ?? 'repeat') };
    },
    setFontSize: (size: unknown) => set('font', `${Number(size) || 10}px sans-serif`),
    setShadow(offsetX: unknown, offsetY: unknown, blur: unknown, color: unknown) {
      set('shadowOffsetX', Number(offsetX) || 0);
      set('shadowOffsetY', Number(offsetY) || 0);
      set('shadowBlur', Number(blur) || 0);
      set('shadowColor', typeof color === 'string' ? color : 'black');
    },
    setLineDash(pattern: unknown, offset: unknown) {
      record({ method: 'setLineDash', args: [Array.isArray(pattern) ? pattern.map(Number) : []] });
      if (offset !== undefined) set('lineDashOffset', Number(offset) || 0);
    },
    setTransform(...args: unknown[]) {
      record({ method: 'setTransform', args: args.slice(0, 6).map(argOf) });
    },
  };
  // `setFillStyle(v)` is `fillStyle = v`, and so on for the setters the typings list.
  for (const property of SETTERS.split(' '))
    context[`set${property[0]!.toUpperCase()}${property.slice(1)}`] = (value: unknown) =>
      set(property, value);
  for (const method of PLAIN_METHODS) {
    context[method] = (...args: unknown[]) => {
      const given = args.filter((a) => a !== undefined);
      if (method === 'drawImage') given[0] = imageSource(String(given[0] ?? ''));
      record({ method, args: given.map(argOf) });
    };
  }
  // `ctx.fillStyle = …` records like `setFillStyle`; reading gives back what was set.
  for (const name of CANVAS_PROPERTIES) {
    Object.defineProperty(context, name, {
      enumerable: true,
      get: () => state[name] ?? (name === 'font' ? font : undefined),
      set: (value: unknown) => set(name, value),
    });
  }
  return context;

  function gradient(kind: 'linear' | 'circular', args: unknown[]): Gradient {
    const description = { gradient: kind, args: args.map(Number), stops: [] as Array<[number, string]> };
    const handle: Gradient = {
      addColorStop(offset: number, color: string) {
        description.stops.push([Number(offset), String(color)]);
      },
    };
    GRADIENTS.set(handle, description);
    return handle;
  }
}
