import { afterEach, describe, expect, it, vi } from 'vitest';
import { LONGPRESS_MS, listenForGestures } from './gesture-listener.ts';

// A stand-in root that records listeners, so events can be fed with chosen timestamps.
function fakeRoot() {
  const listeners = new Map<string, (e: unknown) => void>();
  const root = {
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Element;
  const fire = (type: string, timeStamp: number) =>
    listeners.get(type)?.({ type, timeStamp, target: {}, clientX: 1, clientY: 2, pageX: 1, pageY: 2 });
  return { root, fire };
}

afterEach(() => vi.useRealTimers());

describe('gestures', () => {
  it('turns a quick click into a tap even when a busy frame ran the long-press timer first', () => {
    vi.useFakeTimers();
    const { root, fire } = fakeRoot();
    const seen: string[] = [];
    listenForGestures(root, (_t, type) => {
      seen.push(type);
      return true; // a longpress handler exists and ran
    });
    fire('mousedown', 1000);
    // The frame was busy: the timer fires before the release that happened 80 ms in.
    vi.advanceTimersByTime(LONGPRESS_MS + 50);
    fire('mouseup', 1080);
    fire('click', 1080);
    expect(seen).toContain('tap');
  });

  it('swallows the tap after a real long press that a handler took', () => {
    vi.useFakeTimers();
    const { root, fire } = fakeRoot();
    const seen: string[] = [];
    listenForGestures(root, (_t, type) => {
      seen.push(type);
      return true;
    });
    fire('mousedown', 1000);
    vi.advanceTimersByTime(LONGPRESS_MS + 10);
    fire('mouseup', 1000 + LONGPRESS_MS + 20);
    fire('click', 1000 + LONGPRESS_MS + 20);
    expect(seen).toEqual(['longpress', 'longtap']);
  });

  it('a quick tap never long-presses', () => {
    vi.useFakeTimers();
    const { root, fire } = fakeRoot();
    const seen: string[] = [];
    listenForGestures(root, (_t, type) => {
      seen.push(type);
      return false;
    });
    fire('mousedown', 1000);
    fire('mouseup', 1050);
    vi.advanceTimersByTime(LONGPRESS_MS + 10);
    fire('click', 1050);
    expect(seen).toEqual(['tap']);
  });
});
