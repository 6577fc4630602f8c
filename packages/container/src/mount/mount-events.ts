/** What a mounted mini program tells the embedding page. */
export interface MountEvents {
  /** The visible page changed. */
  page: { action: string; pageId: string; path: string; stack: string[] };
  /** A script error of the program, or the container giving up on it (`fatal`). */
  error: {
    message: string;
    source: string;
    fatal: boolean;
    code?: string;
    file?: string;
    line?: number;
    column?: number;
    stack?: string;
  };
  /** A host capability was asked for, and how it was answered. */
  hostCall: { method: string; args: unknown[]; ok: boolean; value?: unknown; error?: string };
  /** The program answered a share (`onShareAppMessage`): what the host's share sheet shows. */
  /** `settings`: what the page set with `wx.showShareMenu`/`wx.updateShareMenu`, for a share from the menu. */
  share: { content: unknown; settings?: Record<string, unknown> };
  /** A page's data after a render (only computed while someone listens: developer tools). */
  data: { pageId: string; path: string; data: Record<string, unknown> };
  /** The capsule's ··· (the container then offers Restart) or ◎ (the embedding page decides: close or hide). */
  capsule: { button: 'more' | 'close' };
  /** A warning from the runtime or the bridge (dropped messages, missing handlers). */
  log: { level: 'info' | 'warn'; message: string; from?: string };
}

export type MountListener<K extends keyof MountEvents> = (event: MountEvents[K]) => void;

/** A tiny typed emitter: listeners that throw never break the container. */
export class MountEmitter {
  private readonly listeners = new Map<keyof MountEvents, Set<(event: never) => void>>();

  on<K extends keyof MountEvents>(type: K, listener: MountListener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  has(type: keyof MountEvents): boolean {
    return (this.listeners.get(type)?.size ?? 0) > 0;
  }

  emit<K extends keyof MountEvents>(type: K, event: MountEvents[K]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      try {
        (listener as MountListener<K>)(event);
      } catch {
        // The embedding page's bug must not stop the mini program.
      }
    }
  }
}
