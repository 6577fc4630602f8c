/** One entry of `wx.getPerformance()`, in the dialects' shape. */
export interface PerformanceEntry {
  entryType: 'navigation' | 'render' | 'script';
  name: 'appLaunch' | 'route' | 'firstRender' | 'evaluateScript';
  startTime: number;
  duration: number;
  path?: string;
  navigationType?: string;
}

type Observer = { types: Set<string>; callback: (list: unknown) => void };

/**
 * What the logic layer measured of itself: launch, each route, each page's first render and
 * the bundle's evaluation, read through `wx.getPerformance()`.
 */
export class PerformanceLog {
  private readonly entries: PerformanceEntry[] = [];
  private readonly observers = new Set<Observer>();
  private limit = 30;

  constructor(private readonly report: (error: unknown) => void) {}

  static now(): number {
    return typeof performance !== 'undefined' ? performance.timeOrigin + performance.now() : Date.now();
  }

  add(entry: PerformanceEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    for (const observer of this.observers) {
      if (!observer.types.has(entry.entryType)) continue;
      try {
        observer.callback(entryList([entry]));
      } catch (error) {
        this.report(error);
      }
    }
  }

  /** The `Performance` object of `wx.getPerformance()`. */
  api(): Record<string, unknown> {
    return {
      now: () => PerformanceLog.now(),
      getEntries: () => this.entries.map((e) => ({ ...e })),
      getEntriesByType: (type: string) =>
        this.entries.filter((e) => e.entryType === type).map((e) => ({ ...e })),
      getEntriesByName: (name: string, type?: string) =>
        this.entries.filter((e) => e.name === name && (!type || e.entryType === type)).map((e) => ({ ...e })),
      setBufferSize: (size: number) => {
        if (Number.isInteger(size) && size > 0) this.limit = size;
      },
      createObserver: (callback: (list: unknown) => void) => {
        const observer: Observer = { types: new Set(), callback };
        return {
          observe: (options: { entryTypes?: string[]; type?: string }) => {
            for (const t of options?.entryTypes ?? (options?.type ? [options.type] : []))
              observer.types.add(String(t));
            if (typeof callback === 'function') this.observers.add(observer);
          },
          disconnect: () => void this.observers.delete(observer),
        };
      },
    };
  }
}

function entryList(entries: PerformanceEntry[]) {
  return {
    getEntries: () => entries.map((e) => ({ ...e })),
    getEntriesByType: (type: string) => entries.filter((e) => e.entryType === type),
    getEntriesByName: (name: string) => entries.filter((e) => e.name === name),
  };
}
