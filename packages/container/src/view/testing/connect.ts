import type { Logic } from '@plaza/runtime';
import type { View } from '../create-view.ts';

/**
 * Joins a logic layer and a view the way a worker boundary does: every message is
 * delivered asynchronously (a microtask later), never re-entering the sender.
 */
export function connect(): {
  toView(message: unknown): void;
  toLogic(message: unknown): void;
  bind(logic: Logic, view: View): void;
  settle(): Promise<void>;
} {
  let logic: Logic | undefined;
  let view: View | undefined;
  let inFlight = 0;
  const deliver = (fn: () => void) => {
    inFlight++;
    queueMicrotask(() => {
      inFlight--;
      fn();
    });
  };
  return {
    toView: (message) => deliver(() => view?.receive(structuredClone(message))),
    toLogic: (message) => deliver(() => logic?.receive(structuredClone(message))),
    bind(l, v) {
      logic = l;
      view = v;
    },
    async settle() {
      for (let i = 0; i < 50; i++) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (inFlight === 0) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          if (inFlight === 0) return;
        }
      }
    },
  };
}
