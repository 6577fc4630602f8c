type Animate = { type: string; args: unknown[] };
type StepOptions = { duration: number; timingFunction: string; delay: number; transformOrigin: string };

const METHODS = [
  'opacity',
  'backgroundColor',
  'width',
  'height',
  'top',
  'left',
  'bottom',
  'right',
  'rotate',
  'rotateX',
  'rotateY',
  'rotateZ',
  'rotate3d',
  'scale',
  'scaleX',
  'scaleY',
  'scaleZ',
  'scale3d',
  'translate',
  'translateX',
  'translateY',
  'translateZ',
  'translate3d',
  'skew',
  'skewX',
  'skewY',
  'matrix',
  'matrix3d',
] as const;

/**
 * `wx.createAnimation`: chained transforms and styles grouped by `step()`, exported as the
 * `{ actions }` data the view's `animation` attribute plays as CSS transitions.
 * @example const a = wx.createAnimation({ duration: 300 }); a.opacity(0).step(); this.setData({ anim: a.export() });
 */
export function createAnimation(options: Record<string, unknown> = {}): Record<string, unknown> {
  const defaults: StepOptions = {
    duration: typeof options.duration === 'number' ? options.duration : 400,
    timingFunction: typeof options.timingFunction === 'string' ? options.timingFunction : 'linear',
    delay: typeof options.delay === 'number' ? options.delay : 0,
    transformOrigin: typeof options.transformOrigin === 'string' ? options.transformOrigin : '50% 50% 0',
  };
  let current: Animate[] = [];
  let actions: Array<{ animates: Animate[]; option: Record<string, unknown> }> = [];
  const animation: Record<string, unknown> = {
    step(step: Partial<StepOptions> = {}) {
      const o = { ...defaults, ...step };
      actions.push({
        animates: current,
        option: {
          transformOrigin: o.transformOrigin,
          transition: { duration: o.duration, timingFunction: o.timingFunction, delay: o.delay },
        },
      });
      current = [];
      return animation;
    },
    export() {
      if (current.length > 0) (animation.step as () => void)();
      const out = { actions };
      actions = [];
      return out;
    },
  };
  for (const type of METHODS) {
    animation[type] = (...args: unknown[]) => {
      current.push({ type, args: args.filter((a) => a !== undefined) });
      return animation;
    };
  }
  return animation;
}
