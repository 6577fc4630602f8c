import { animatedStyle, timingFunction, transformFunction, transformOrigin } from './animation-styles.ts';

interface Step {
  animates: Array<{ type: string; args: unknown[] }>;
  option: {
    transformOrigin?: unknown;
    transition?: { duration?: unknown; timingFunction?: unknown; delay?: unknown };
  };
}

/** What an element's animations have set so far: kept across steps and re-applied after a `style` change. */
interface Played {
  transforms: Map<string, string>;
  styles: Map<string, string>;
  origin?: string;
  /** Bumped by each new animation, so a running sequence stops when another replaces it. */
  run: number;
}

const played = new WeakMap<HTMLElement, Played>();

function stepsOf(value: unknown): Step[] | undefined {
  const actions = (value as { actions?: unknown } | null)?.actions;
  if (!Array.isArray(actions)) return undefined;
  return actions.filter(
    (a): a is Step => !!a && typeof a === 'object' && Array.isArray((a as Step).animates),
  );
}

function write(el: HTMLElement, state: Played): void {
  if (state.origin) el.style.transformOrigin = state.origin;
  if (state.transforms.size > 0) el.style.transform = [...state.transforms.values()].join(' ');
  for (const [property, value] of state.styles) el.style.setProperty(property, value);
}

/** Re-applies what animations set, after the template rewrote the element's `style`. */
export function keepAnimatedStyle(el: HTMLElement): void {
  const state = played.get(el);
  if (state) write(el, state);
}

/**
 * Plays the `animation` attribute (`createAnimation().export()`): each step is a CSS transition
 * of the properties it changes, and the next step starts when this one's properties have all
 * fired `transitionend` (a value that did not change is not waited for).
 */
export function playAnimation(el: HTMLElement, value: unknown): void {
  const steps = stepsOf(value);
  if (!steps || steps.length === 0) return;
  const state: Played = played.get(el) ?? { transforms: new Map(), styles: new Map(), run: 0 };
  played.set(el, state);
  const run = ++state.run;
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const play = (index: number) => {
    const step = steps[index];
    if (!step || state.run !== run) return;
    const transition = step.option?.transition ?? {};
    const duration = Math.max(0, Number(transition.duration) || 0);
    const delay = Math.max(0, Number(transition.delay) || 0);
    const changed = new Set<string>();
    for (const { type, args } of step.animates) {
      const list = Array.isArray(args) ? args : [];
      const fn = transformFunction(type, list);
      if (fn) {
        state.transforms.set(type, fn);
        changed.add('transform');
        continue;
      }
      const style = animatedStyle(type, list);
      if (style) {
        state.styles.set(style[0], style[1]);
        changed.add(style[0]);
      }
    }
    const origin = transformOrigin(step.option?.transformOrigin);
    if (origin) state.origin = origin;
    // The start values must be computed before the new ones are set, or nothing transitions.
    void view.getComputedStyle(el).transform;
    const before = new Map([...changed].map((p) => [p, el.style.getPropertyValue(p)]));
    el.style.transition = [...changed]
      .map((p) => `${p} ${duration}ms ${timingFunction(transition.timingFunction)} ${delay}ms`)
      .join(', ');
    write(el, state);
    // A property whose value stays the same fires no transitionend: the step does not wait for it.
    for (const [p, value] of before) if (el.style.getPropertyValue(p) === value) changed.delete(p);
    let done = false;
    const next = () => {
      if (done) return;
      done = true;
      el.removeEventListener('transitionend', ended);
      play(index + 1);
    };
    // The step ends when every property it changed has ended its transition.
    const pending = new Set(changed);
    const ended = (event: Event) => {
      if (event.target !== el) return;
      pending.delete((event as TransitionEvent).propertyName);
      if (pending.size === 0) next();
    };
    if (pending.size === 0 || duration + delay === 0) {
      next();
      return;
    }
    el.addEventListener('transitionend', ended);
    // An element taken out of the layout mid-step fires nothing: a second past its time ends it.
    view.setTimeout(next, duration + delay + 1000);
  };
  play(0);
}
