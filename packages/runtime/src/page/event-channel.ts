type Listener = (...args: unknown[]) => void;

/** One end of an `EventChannel`: what it emits, the other end hears. */
export class EventChannel {
  private readonly listeners = new Map<string, Array<{ fn: Listener; once: boolean }>>();
  peer: EventChannel | undefined;

  constructor(private readonly report: (error: unknown) => void) {}

  on(event: string, fn: unknown): void {
    this.add(event, fn, false);
  }

  once(event: string, fn: unknown): void {
    this.add(event, fn, true);
  }

  off(event: string, fn?: unknown): void {
    if (typeof fn !== 'function') this.listeners.delete(String(event));
    else
      this.listeners.set(
        String(event),
        (this.listeners.get(String(event)) ?? []).filter((l) => l.fn !== fn),
      );
  }

  emit(event: string, ...args: unknown[]): void {
    this.peer?.hear(String(event), args);
  }

  private hear(event: string, args: unknown[]): void {
    const listeners = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      listeners.filter((l) => !l.once),
    );
    for (const { fn } of listeners) {
      try {
        fn(...args);
      } catch (error) {
        this.report(error);
      }
    }
  }

  private add(event: string, fn: unknown, once: boolean): void {
    if (typeof fn !== 'function') return;
    const list = this.listeners.get(String(event)) ?? [];
    list.push({ fn: fn as Listener, once });
    this.listeners.set(String(event), list);
  }
}

/**
 * The two ends `navigateTo` makes: the opener's (with the `events` it listens to, handed back
 * in the success result) and the opened page's (`this.getOpenerEventChannel()`).
 */
export function eventChannelPair(
  events: unknown,
  report: (error: unknown) => void,
): {
  opener: EventChannel;
  opened: EventChannel;
} {
  const opener = new EventChannel(report);
  const opened = new EventChannel(report);
  opener.peer = opened;
  opened.peer = opener;
  if (events && typeof events === 'object')
    for (const [name, fn] of Object.entries(events as Record<string, unknown>)) opener.on(name, fn);
  return { opener, opened };
}
