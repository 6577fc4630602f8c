/**
 * The CSS of the platforms' animation calls (`createAnimation`'s methods, `this.animate`'s
 * keyframe keys): transform functions and the few style properties. Numbers are pixels for
 * lengths and degrees for angles, as the platforms read them; anything else is dropped.
 */

const LENGTH_STYLES = new Set(['width', 'height', 'top', 'left', 'bottom', 'right']);
const COLOUR_STYLES = new Set(['backgroundColor']);
const ANGLES = /^(rotate|rotateX|rotateY|rotateZ|skew|skewX|skewY)$/;
const LENGTHS = /^(translate|translateX|translateY|translateZ|translate3d)$/;
const UNITLESS = /^(scale|scaleX|scaleY|scaleZ|scale3d|matrix|matrix3d)$/;
/** A value a program may write: a number, or a short CSS token with no functions or separators. */
const SAFE_TOKEN = /^-?[\d.]+(px|rpx|%|em|rem|vw|vh|deg|rad|turn)?$|^#[\da-fA-F]{3,8}$|^[a-zA-Z]+$/;

function safe(value: unknown, unit: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}${unit}`;
  if (typeof value === 'string' && SAFE_TOKEN.test(value.trim())) {
    const v = value.trim();
    // rpx is the compiler's unit: a program's `10rpx` is 10 × the page's rpx width.
    return v.endsWith('rpx') ? `calc(${Number.parseFloat(v)} * var(--plaza-rpx, 0.5px))` : v;
  }
  return undefined;
}

function rgbish(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return /^(#[\da-fA-F]{3,8}|[a-zA-Z]+|rgba?\([\d\s.,%]+\)|hsla?\([\d\s.,%deg]+\))$/.test(v) ? v : undefined;
}

/** A transform function (`rotate(45deg)`), or undefined when `type` is none or an argument is bad. */
export function transformFunction(type: string, args: readonly unknown[]): string | undefined {
  let unit: string;
  if (type === 'rotate3d') {
    const [x, y, z, angle] = args;
    const parts = [safe(x, ''), safe(y, ''), safe(z, ''), safe(angle, 'deg')];
    return parts.every(Boolean) ? `rotate3d(${parts.join(', ')})` : undefined;
  }
  if (ANGLES.test(type)) unit = 'deg';
  else if (LENGTHS.test(type)) unit = 'px';
  else if (UNITLESS.test(type)) unit = '';
  else return undefined;
  const values = args.map((a) => safe(a, unit));
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return `${type}(${values.join(', ')})`;
}

/** A style property the animation sets (`opacity`, `width`…) as [css property, value]. */
export function animatedStyle(type: string, args: readonly unknown[]): [string, string] | undefined {
  const [value] = args;
  if (type === 'opacity') {
    const v = safe(value, '');
    return v === undefined ? undefined : ['opacity', v];
  }
  if (LENGTH_STYLES.has(type)) {
    const v = safe(value, 'px');
    return v === undefined ? undefined : [type, v];
  }
  if (COLOUR_STYLES.has(type)) {
    const v = rgbish(value);
    return v === undefined ? undefined : ['background-color', v];
  }
  return undefined;
}

/** `transform-origin`, when it is plain lengths and keywords. */
export function transformOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.trim().split(/\s+/);
  return parts.length <= 3 && parts.every((p) => SAFE_TOKEN.test(p)) ? parts.join(' ') : undefined;
}

/** A CSS timing function of the platforms' names, or `linear`. */
export function timingFunction(value: unknown): string {
  const v = typeof value === 'string' ? value : '';
  if (/^(linear|ease|ease-in|ease-out|ease-in-out|step-start|step-end)$/.test(v)) return v;
  const bezier = /^cubic-bezier\(\s*[-\d.]+\s*,\s*[-\d.]+\s*,\s*[-\d.]+\s*,\s*[-\d.]+\s*\)$/.exec(v);
  return bezier ? v : 'linear';
}
