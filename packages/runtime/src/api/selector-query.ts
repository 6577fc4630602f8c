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
    const done = this.transport(this.requests).then((results) => {
      for (const [i, cb] of this.callbacks.entries()) cb?.(results[i] ?? null);
      callback?.(results);
      return results;
    });
    done.catch(() => undefined);
    return done;
  }
}

type Selection = Omit<QueryRequest, 'fields'>;

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

  /**
   * The platforms hand back a native object here (a 2d canvas, a scroll-view context); the
   * view does not carry those across yet, so the result says `node: null` rather than the
   * program dying of a missing method.
   */
  node(callback?: ResultCallback): SelectorQuery {
    return this.add({ id: true }, (result) => callback?.(result ? { node: null } : null));
  }

  context(callback?: ResultCallback): SelectorQuery {
    return this.add({ id: true }, (result) => callback?.(result ? { context: null } : null));
  }

  fields(
    fields: QueryFields & { node?: boolean; context?: boolean },
    callback?: ResultCallback,
  ): SelectorQuery {
    const { node: _node, context: _context, ...rest } = fields ?? {};
    return this.add(rest, callback);
  }
}
