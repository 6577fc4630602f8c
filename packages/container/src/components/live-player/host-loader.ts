import { type LoaderCallbacks, type LoaderConfiguration, type LoaderContext, LoadStats } from 'hls.js';
import type { AskHost, MediaPiece } from '../component-requests.ts';

/**
 * hls.js's loader for a page frame, which may not fetch (its policy has no `connect-src`): the
 * host fetches each playlist and segment and hands the bytes over.
 */
export function hostLoader(ask: AskHost) {
  return class HostLoader {
    context: LoaderContext | null = null;
    stats = new LoadStats();

    load(
      context: LoaderContext,
      _config: LoaderConfiguration,
      callbacks: LoaderCallbacks<LoaderContext>,
    ): void {
      this.context = context;
      const stats = this.stats;
      stats.loading.start = performance.now();
      const range =
        context.rangeEnd !== undefined && context.rangeEnd > 0
          ? { rangeStart: context.rangeStart ?? 0, rangeEnd: context.rangeEnd }
          : {};
      ask({ kind: 'media', url: context.url, ...range }).then(
        (answer) => {
          if (stats.aborted) return;
          const piece = answer as MediaPiece;
          stats.loading.first = stats.loading.end = performance.now();
          stats.loaded = stats.total = piece.data.byteLength;
          const data =
            context.responseType === 'arraybuffer' ? piece.data : new TextDecoder().decode(piece.data);
          callbacks.onSuccess({ url: piece.url, data, code: piece.status }, stats, context, null);
        },
        (error: Error) => {
          if (!stats.aborted) callbacks.onError({ code: 0, text: error.message }, context, null, stats);
        },
      );
    }

    abort(): void {
      this.stats.aborted = true;
    }

    destroy(): void {
      this.context = null;
    }
  };
}
