import type { QueryFields, QueryRequest } from '../protocol/messages.ts';

type ResultCallback = ((result: unknown) => void) | undefined;

/** Sends a batch of selections to the view and resolves with one result per request. */
export type QueryTransport = (requests: QueryRequest[]) => Promise<unknown[]>;

/**
 * `createSelectorQuery()`: selections are queued with their field sets and answered by the
 * view in one round trip on `exec`, each NodesRef callback first, then exec's.
 */
export class SelectorQuery {
  private readonly requests: QueryRequest[] = [];
  private readonly callbacks: ResultCallback[] = [];
  private scopeId: string | undefined;

  constructor(
    private readonly transport: QueryTransport,
    scopeId: string | undefined,
    private readonly scopeOf: (component: unknown) => string | undefined,
    /** Turns the view's node and context handles into objects (a canvas node, an EditorContext). */
    private readonly materialise: (result: unknown) => unknown = (result) => result,
    private readonly report: (error: unknown) => void = () => undefined,
  ) {
    this.scopeId = scopeId;
  }

  /** Selects inside a component's template instead of the page's. */
  in(component: unknown): this {
    this.scopeId = this.scopeOf(component) ?? this.scopeId;
    return this;
  }

  select(selector: string): NodesRef {
    return new NodesRef(this, { selector: String(selector), all: false, scopeId: this.scopeId });
  }

  selectAll(selector: string): NodesRef {
    return new NodesRef(this, { selector: String(selector), all: true, scopeId: this.scopeId });
  }

  selectViewport(): NodesRef {
    return new NodesRef(this, { selector: '', all: false, viewport: true });
  }

  /** @internal */
  push(request: QueryRequest, callback: ResultCallback): this {
    this.requests.push(request);
    this.callbacks.push(callback);
    return this;
  }

  exec(callback?: (results: unknown[]) => void): Promise<unknown[]> {
    const done = this.transport(this.requests).then((answered) => {
      const results = answered.map(this.materialise);
      for (const [i, cb] of this.callbacks.entries()) this.call(cb, results[i] ?? null);
      this.call(callback, results);
      return results;
    });
    done.catch(() => undefined);
    return done;
  }

  /** A program's callback: its exception is the program's error, reported, and the next callback still runs. */
  private call(callback: ((value: never) => void) | undefined, value: unknown): void {
    if (typeof callback !== 'function') return;
    try {
      (callback as (value: unknown) => void)(value);
    } catch (error) {
      this.report(error);
    }
  }
}

type Selection = Omit<QueryRequest, 'fields'>;

const FLAGS = ['id', 'dataset', 'rect', 'size', 'scrollOffset', 'mark', 'node', 'context'] as const;

export class NodesRef {
  constructor(
    private readonly query: SelectorQuery,
    private readonly selection: Selection,
  ) {}

  private add(fields: QueryFields, callback: ResultCallback): SelectorQuery {
    return this.query.push({ ...this.selection, fields }, callback);
  }

  boundingClientRect(callback?: ResultCallback): SelectorQuery {
    return this.add({ id: true, dataset: true, rect: true, size: true }, callback);
  }

  scrollOffset(callback?: ResultCallback): SelectorQuery {
    return this.add({ id: true, dataset: true, scrollOffset: true }, callback);
  }

  /** The platforms' native object: a `<canvas type="2d">`'s Canvas node, or null. */
  node(callback?: ResultCallback): SelectorQuery {
    return this.add({ node: true }, callback);
  }

  /** The component's context object (`EditorContext`, `MapContext`, `VideoContext`…), or null. */
  context(callback?: ResultCallback): SelectorQuery {
    return this.add({ context: true }, callback);
  }

  fields(fields: QueryFields, callback?: ResultCallback): SelectorQuery {
    // Only what the protocol carries: a stray key or a truthy string would get the whole
    // query dropped on the way to the view.
    const given = (fields ?? {}) as Record<string, unknown>;
    const asked: Record<string, unknown> = {};
    for (const flag of FLAGS) if (given[flag]) asked[flag] = true;
    for (const list of ['properties', 'computedStyle'] as const)
      if (Array.isArray(given[list])) asked[list] = (given[list] as unknown[]).map(String);
    return this.add(asked as QueryFields, callback);
  }
}
