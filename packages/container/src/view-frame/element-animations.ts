import type { AnimateCommand } from '@plaza/runtime';
import { defineLazyComponent } from '../components/lazy-component.ts';
import {
  animatedStyle,
  timingFunction,
  transformFunction,
  transformOrigin,
} from '../view/render/animation-styles.ts';

type Animate = Extract<AnimateCommand, { kind: 'animate' }>;
type Clear = Extract<AnimateCommand, { kind: 'animate.clear' }>;

const running = new WeakMap<Element, Animation[]>();

/** One keyframe of `this.animate` as Web Animations keyframe: transforms, styles, offset, easing. */
function keyframeOf(frame: Record<string, string | number | Array<string | number>>): Keyframe {
  const out: Keyframe = {};
  const transforms: string[] = [];
  for (const [key, value] of Object.entries(frame)) {
    if (key === 'offset') {
      if (typeof value === 'number') out.offset = Math.min(1, Math.max(0, value));
    } else if (key === 'ease') out.easing = timingFunction(value);
    else if (key === 'transformOrigin') {
      const origin = transformOrigin(value);
      if (origin) out.transformOrigin = origin;
    } else {
      const args = Array.isArray(value) ? value : [value];
      const fn = transformFunction(key, args);
      if (fn) transforms.push(fn);
      else {
        const style = animatedStyle(key, args);
        if (style) out[style[0] === 'background-color' ? 'backgroundColor' : style[0]] = style[1];
      }
    }
  }
  if (transforms.length > 0) out.transform = transforms.join(' ');
  return out;
}

function targets(doc: Document, selector: string): Element[] {
  try {
    return [...doc.querySelectorAll(selector)].filter((el) => el.closest('[data-plaza="page-root"]'));
  } catch {
    throw new Error(`invalid selector "${selector}"`);
  }
}

/**
 * `this.animate(selector, keyframes, duration, callback)`: a Web Animation on the matching
 * elements of the page, kept at its end state; resolves when all have finished.
 */
export async function animateElements(doc: Document, command: Animate): Promise<void> {
  const found = targets(doc, command.selector);
  if (found.length === 0) throw new Error(`no element matches "${command.selector}"`);
  const frames = command.keyframes.map(keyframeOf);
  const animations = found.map((el) => {
    const animation = el.animate(frames, { duration: Math.max(0, command.duration), fill: 'forwards' });
    running.set(el, [...(running.get(el) ?? []), animation]);
    return animation;
  });
  await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
}

/** `this.clearAnimation(selector)`: the elements' animations are cancelled, their styles back. */
export function clearAnimations(doc: Document, command: Clear): void {
  for (const el of targets(doc, command.selector)) {
    for (const animation of running.get(el) ?? []) animation.cancel();
    running.delete(el);
  }
}

/** What the page frame loads on a program's first `this.animate` (kept out of every frame's boot). */
export interface ElementAnimationsModule {
  animateElements: typeof animateElements;
  clearAnimations: typeof clearAnimations;
}

defineLazyComponent('animate', { animateElements, clearAnimations } satisfies ElementAnimationsModule);
