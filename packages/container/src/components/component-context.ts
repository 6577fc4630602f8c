/**
 * A component's context methods (`MapContext.getCenterLocation`, `EditorContext.insertText`,
 * the legacy `AudioContext.play`…), reached on its element: the component answers a
 * `plaza-context` event; `callContext` is what the view calls for the logic's context object.
 */
export const CONTEXT_EVENT = 'plaza-context';

export type ContextMethods = Readonly<Record<string, (args: Record<string, unknown>) => unknown>>;

interface ContextCall {
  method: string;
  args: Record<string, unknown>;
  result?: Promise<unknown>;
}

/** Makes `element` answer `methods`; an unknown method fails the way the platforms word it. */
export function answerContext(element: Element, methods: ContextMethods): void {
  element.addEventListener(CONTEXT_EVENT, (event) => {
    const call = (event as CustomEvent<ContextCall>).detail;
    const method = Object.hasOwn(methods, call.method) ? methods[call.method] : undefined;
    call.result = method
      ? Promise.resolve().then(() => method(call.args))
      : Promise.reject(new Error(`${call.method}:fail not supported`));
  });
}

/**
 * Calls a context method of the component at `element`.
 * @example await callContext(mapElement, 'getCenterLocation', {}) // { latitude, longitude }
 */
export function callContext(
  element: Element,
  method: string,
  args: Record<string, unknown> = {},
): Promise<unknown> {
  const view = element.ownerDocument.defaultView;
  const call: ContextCall = { method, args };
  if (view) element.dispatchEvent(new view.CustomEvent(CONTEXT_EVENT, { detail: call }));
  return call.result ?? Promise.reject(new Error(`${method}:fail no context`));
}
