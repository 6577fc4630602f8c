import {
  formatDataPath,
  isPathPrefix,
  type PathSegment,
  parseDataPath,
  readPath,
  writePath,
} from './data-path.ts';
import { clonePlain, plainEqual } from './plain-data.ts';

/**
 * Turns an instance's setData calls into the minimal patch the view needs.
 *
 * It keeps a shadow copy of what the view was last sent: at flush time each key set
 * since the last flush is compared with that shadow, so unchanged values send nothing
 * and data mutated in place (`this.data.list.push(x)` then `setData({list})`) still does.
 */
export class RenderBatch {
  private shadow: Record<string, unknown> = {};
  private pending: PathSegment[][] = [];

  /** The view now holds exactly `data` (first render). */
  reset(data: Record<string, unknown>): void {
    this.shadow = clonePlain(data) as Record<string, unknown>;
    this.pending = [];
  }

  /** Notes that `key` was written; returns its parsed path. */
  mark(key: string): PathSegment[] {
    const path = parseDataPath(key);
    if (path.length > 0) this.pending.push(path);
    return path;
  }

  get dirty(): boolean {
    return this.pending.length > 0;
  }

  /** Computes the changes against the shadow and adopts them; empty when nothing changed. */
  flush(data: Record<string, unknown>): Record<string, unknown> {
    const paths = this.pending;
    this.pending = [];
    // A path under another pending path is covered by the ancestor's fresh value.
    const kept = paths.filter(
      (p, i) => !paths.some((q, j) => j !== i && isPathPrefix(q, p) && (q.length < p.length || j < i)),
    );
    const changes: Record<string, unknown> = {};
    for (const path of kept) {
      const value = clonePlain(readPath(data, path));
      if (plainEqual(readPath(this.shadow, path), value)) continue;
      writePath(this.shadow, path, value);
      changes[formatDataPath(path)] = clonePlain(value) ?? null;
    }
    return changes;
  }
}
