import type { Touch } from './event-object.ts';

/** How long a press must last to be a `longpress`, as both dialects time it. */
export const LONGPRESS_MS = 350;

export type GestureSink = (
  target: Node,
  type: string,
  detail: unknown,
  timeStamp: number,
  touches?: Touch[],
  changedTouches?: Touch[],
) => boolean;

function touchList(list: TouchList | undefined): Touch[] {
  return list
    ? Array.from(list, (t) => ({
        identifier: t.identifier,
        pageX: t.pageX,
        pageY: t.pageY,
        clientX: t.clientX,
        clientY: t.clientY,
      }))
    : [];
}

function pointer(event: MouseEvent): Touch[] {
  return [
    {
      identifier: 0,
      pageX: event.pageX ?? event.clientX,
      pageY: event.pageY ?? event.clientY,
      clientX: event.clientX,
      clientY: event.clientY,
    },
  ];
}

/**
 * Turns DOM input on the view root into the dialects' gestures: a click is a `tap`
 * (detail `{x, y}`), touches keep their names, a press held still becomes `longpress`
 * (and the tap that would follow is swallowed when a longpress handler ran).
 * Returns the function that removes the listeners.
 */
const MOTION_EVENTS = ['transitionend', 'animationstart', 'animationiteration', 'animationend'];

export function listenForGestures(root: Element, sink: GestureSink): () => void {
  let pressTimer: ReturnType<typeof setTimeout> | undefined;
  let swallowTap = false;
  // When the press began, in event time: a busy frame may run the long-press timer
  // before it gets to a quick release, so a click is judged by when it happened.
  let pressedAt = Number.NEGATIVE_INFINITY;
  const cancelPress = () => {
    if (pressTimer !== undefined) clearTimeout(pressTimer);
    pressTimer = undefined;
  };
  const onClick = (event: Event) => {
    const held = event.timeStamp - pressedAt;
    if (swallowTap) {
      swallowTap = false;
      if (held >= LONGPRESS_MS) return;
    }
    const e = event as MouseEvent;
    const touches = pointer(e);
    sink(
      event.target as Node,
      'tap',
      { x: touches[0]!.pageX, y: touches[0]!.pageY },
      event.timeStamp,
      touches,
      touches,
    );
  };
  const onTouch = (event: Event) => {
    const e = event as TouchEvent;
    const touches = touchList(e.touches);
    const changed = touchList(e.changedTouches);
    sink(event.target as Node, event.type, {}, event.timeStamp, touches, changed);
    if (event.type === 'touchstart') startPress(event.target as Node, changed, event.timeStamp);
    else cancelPress();
  };
  const startPress = (target: Node, touches: Touch[], at: number) => {
    cancelPress();
    swallowTap = false;
    pressedAt = at;
    pressTimer = setTimeout(() => {
      pressTimer = undefined;
      const at = touches[0];
      const detail = { x: at?.pageX ?? 0, y: at?.pageY ?? 0 };
      const handled = sink(target, 'longpress', detail, Date.now(), touches, touches);
      sink(target, 'longtap', detail, Date.now(), touches, touches);
      swallowTap = handled;
    }, LONGPRESS_MS);
  };
  const onMouseDown = (event: Event) =>
    startPress(event.target as Node, pointer(event as MouseEvent), event.timeStamp);
  // `bindtransitionend` and the animation events, as the platforms fire them on any element.
  const onMotion = (event: Event) => sink(event.target as Node, event.type, {}, event.timeStamp, [], []);
  for (const type of MOTION_EVENTS) root.addEventListener(type, onMotion);
  root.addEventListener('click', onClick);
  root.addEventListener('mousedown', onMouseDown);
  root.addEventListener('mouseup', cancelPress);
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    root.addEventListener(type, onTouch);
  return () => {
    cancelPress();
    for (const type of MOTION_EVENTS) root.removeEventListener(type, onMotion);
    root.removeEventListener('click', onClick);
    root.removeEventListener('mousedown', onMouseDown);
    root.removeEventListener('mouseup', cancelPress);
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
      root.removeEventListener(type, onTouch);
  };
}
