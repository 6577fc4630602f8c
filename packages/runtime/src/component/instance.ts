import {
  formatDataPath,
  isPathPrefix,
  type PathSegment,
  parseDataPath,
  readPath,
  writePath,
} from '../data/data-path.ts';
import { clonePlain, isPlainObject, plainEqual } from '../data/plain-data.ts';
import { RenderBatch } from '../data/render-batch.ts';
import type { LogicOutboundMessage, TriggerOptions, Unversioned } from '../protocol/messages.ts';
import { matchesSelector } from './component-selector.ts';
import type {
  ComponentLifetime,
  Definition,
  PageLifetime,
  RelationSpec,
  UserFunction,
} from './definition.ts';
import { coerceProperty, initialValue } from './property-types.ts';

export type ErrorSource = 'load' | 'lifecycle' | 'handler' | 'timer' | 'api';

/** What an instance needs from the logic layer around it. */
export interface InstanceHost {
  send(message: Unversioned<LogicOutboundMessage>): void;
  scheduleFlush(instance: Instance): void;
  report(error: unknown, source: ErrorSource, file?: string): void;
  readonly instances: ReadonlyMap<string, Instance>;
  /** `this.createSelectorQuery()` and friends, scoped to the instance. */
  extendPublic?(instance: Instance, target: Record<string, unknown>): void;
}

const INTERNAL = Symbol('plaza.instance');

/** The record behind a public `this`, or undefined for anything else. */
export function instanceOf(value: unknown): Instance | undefined {
  return value !== null && typeof value === 'object'
    ? (value as { [INTERNAL]?: Instance })[INTERNAL]
    : undefined;
}

type Callback = { renderId?: number; fn: () => void };

/**
 * One page or component instance in the logic layer: its data, what the view last saw of
 * it, its place in the composed tree, and the `this` that the mini program's code sees.
 */
export class Instance {
  readonly data: Record<string, unknown>;
  readonly public: Record<string, unknown>;
  readonly batch = new RenderBatch();
  renderId = 0;
  mounted = false;
  ready = false;
  detached = false;
  /** Created ahead of the view (a static child of its owner), not yet claimed by a view node. */
  early = false;
  owner?: Instance;
  parent?: Instance;
  page?: Instance;
  readonly children = new Set<Instance>();
  tag = '';
  idAttr = '';
  classes: string[] = [];
  dataset: Record<string, unknown> = {};
  models: Record<string, string> = {};
  query: Record<string, string> = {};
  readonly links = new Map<Instance, RelationSpec>();
  private callbacks: Callback[] = [];

  constructor(
    readonly host: InstanceHost,
    /** Set by the view for an early instance when it claims it. */
    public id: string,
    readonly def: Definition,
    readonly isPage: boolean,
    readonly file: string,
  ) {
    this.data = clonePlain(def.data) as Record<string, unknown>;
    for (const [name, spec] of Object.entries(def.properties)) {
      if (!(name in this.data) || spec.value !== undefined) this.data[name] = initialValue(spec);
    }
    const self = Object.create(publicPrototype) as Record<string | symbol, unknown>;
    self[INTERNAL] = this;
    for (const [name, value] of Object.entries(def.fields)) self[name] = clonePlain(value) ?? value;
    for (const [name, fn] of Object.entries(def.methods)) self[name] = fn;
    self.data = this.data;
    self.is = def.path;
    if (!isPage || def.kind === 'component') self.properties = this.data;
    if (isPage) self.route = def.path;
    host.extendPublic?.(this, self as Record<string, unknown>);
    this.public = self as Record<string, unknown>;
  }

  /** Calls a method of the instance (page lifecycles, handlers), reporting what it throws. */
  callMethod(name: string, args: unknown[], source: ErrorSource = 'lifecycle'): unknown {
    const fn = this.public[name];
    if (typeof fn !== 'function') return undefined;
    return this.guard(() => (fn as UserFunction).apply(this.public, args), source);
  }

  runLifetime(name: ComponentLifetime, args: unknown[] = []): void {
    for (const fn of this.def.lifetimes[name]) this.guard(() => fn.apply(this.public, args), 'lifecycle');
  }

  runPageLifetime(name: PageLifetime, args: unknown[] = []): void {
    for (const fn of this.def.pageLifetimes[name]) this.guard(() => fn.apply(this.public, args), 'lifecycle');
  }

  guard<T>(run: () => T, source: ErrorSource): T | undefined {
    try {
      const result = run();
      if (result instanceof Promise)
        result.catch((error: unknown) => this.host.report(error, source, this.file));
      return result;
    } catch (error) {
      this.host.report(error, source, this.file);
      if (this.def.kind === 'component' && source === 'lifecycle') {
        for (const fn of this.def.lifetimes.error) this.guardQuiet(() => fn.call(this.public, error));
      }
      return undefined;
    }
  }

  private guardQuiet(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.host.report(error, 'lifecycle', this.file);
    }
  }

  /** `this.setData`: updates `this.data` now, sends the minimal patch at the end of the tick. */
  setData(update: unknown, callback?: unknown): void {
    if (this.detached) return;
    if (isPlainObject(update)) {
      const paths: PathSegment[][] = [];
      const before = new Map<string, unknown>();
      for (const [key, value] of Object.entries(update)) {
        const path = parseDataPath(key);
        if (path.length === 0) continue;
        const root = String(path[0]);
        if (root in this.def.properties && !before.has(root)) before.set(root, clonePlain(this.data[root]));
        writePath(this.data, path, value);
        this.batch.mark(key);
        paths.push(path);
      }
      this.afterChange(paths, before);
    }
    if (typeof callback === 'function')
      this.callbacks.push({ fn: () => (callback as () => void).call(this.public) });
    this.host.scheduleFlush(this);
  }

  /** Property values from the parent's template (`initial` on attach). */
  applyProperties(values: Record<string, unknown>): void {
    const paths: PathSegment[][] = [];
    const before = new Map<string, unknown>();
    for (const [name, raw] of Object.entries(values)) {
      const spec = this.def.properties[name];
      if (!spec) continue;
      const value = coerceProperty(spec, raw);
      if (plainEqual(this.data[name], value)) continue;
      before.set(name, this.data[name]);
      this.data[name] = value;
      this.batch.mark(name);
      paths.push([name]);
    }
    this.afterChange(paths, before);
    if (paths.length > 0) this.host.scheduleFlush(this);
  }

  private afterChange(paths: PathSegment[][], before: Map<string, unknown>): void {
    for (const [name, old] of before) {
      const observer = this.def.properties[name]?.observer;
      const value = this.data[name];
      if (plainEqual(old, value)) continue;
      const fn = typeof observer === 'string' ? this.public[observer] : observer;
      if (typeof fn === 'function')
        this.guard(() => (fn as UserFunction).call(this.public, value, old, [name]), 'handler');
    }
    if (paths.length > 0) this.runObservers(paths);
    for (const path of paths) {
      // `model:prop` on this component writes the change back into the owner's data.
      const target = this.models[String(path[0])];
      if (target !== undefined && this.owner) this.owner.setData({ [target]: this.data[String(path[0])] });
    }
  }

  private runObservers(changed: PathSegment[][]): void {
    for (const observer of this.def.observers) {
      const observed = observer.paths.map((p) => ({ segments: parseDataPath(p.segments), deep: p.deep }));
      const hit = observed.some((o) =>
        changed.some((c) => isPathPrefix(c, o.segments) || (o.deep && isPathPrefix(o.segments, c))),
      );
      if (!hit) continue;
      const args = observed.map((o) => readPath(this.data, o.segments));
      this.guard(() => observer.fn.apply(this.public, args), 'handler');
    }
  }

  /** The view received the first data: from now on changes travel as patches. */
  mount(): { data: Record<string, unknown>; renderId: number } {
    this.mounted = true;
    this.batch.reset(this.data);
    for (const cb of this.callbacks) cb.renderId ??= this.renderId;
    return { data: clonePlain(this.data) as Record<string, unknown>, renderId: this.renderId };
  }

  /** Sends what changed since the last flush, or settles callbacks when nothing did. */
  flush(): void {
    if (!this.mounted || this.detached) return;
    const changes = this.batch.flush(this.data);
    const waiting = this.callbacks.filter((cb) => cb.renderId === undefined);
    if (Object.keys(changes).length === 0) {
      this.callbacks = this.callbacks.filter((cb) => cb.renderId !== undefined);
      for (const cb of waiting) this.guard(cb.fn, 'handler');
      return;
    }
    this.renderId++;
    for (const cb of waiting) cb.renderId = this.renderId;
    this.host.send({ type: 'patch', instanceId: this.id, renderId: this.renderId, changes });
  }

  /** The view rendered up to `renderId`: run the setData callbacks that waited for it. */
  rendered(renderId: number): void {
    const due = this.callbacks.filter((cb) => cb.renderId !== undefined && cb.renderId <= renderId);
    this.callbacks = this.callbacks.filter((cb) => !due.includes(cb));
    for (const cb of due) this.guard(cb.fn, 'handler');
  }

  triggerEvent(name: string, detail: unknown, options: TriggerOptions = {}): void {
    this.host.send({
      type: 'component.trigger',
      instanceId: this.id,
      name: String(name),
      detail: clonePlain(detail) ?? null,
      options: {
        bubbles: !!options.bubbles,
        composed: !!options.composed,
        capturePhase: !!options.capturePhase,
      },
    });
  }

  /** Components written in this instance's template (and, for `>>>`, below them). */
  selectComponents(selector: string, all: boolean): Instance[] {
    const found: Instance[] = [];
    const deep = selector.includes('>>>');
    const last =
      selector
        .split(/>>>|\s+/)
        .filter(Boolean)
        .pop() ?? '';
    for (const candidate of this.host.instances.values()) {
      if (candidate === this || candidate.detached || candidate.isPage) continue;
      if (!(deep ? this.isAncestorOwner(candidate) : candidate.owner === this)) continue;
      if (!matchesSelector(last, candidate)) continue;
      found.push(candidate);
      if (!all) break;
    }
    return found;
  }

  private isAncestorOwner(candidate: Instance): boolean {
    for (let o = candidate.owner; o; o = o.owner) if (o === this) return true;
    return false;
  }

  /** What selectComponent returns: the instance, or what its `export` chose to expose. */
  exported(): unknown {
    return this.def.exportFn
      ? this.guard(() => this.def.exportFn!.call(this.public), 'handler')
      : this.public;
  }

  /** A normalised key, as the patch spells it. */
  static key(path: string): string {
    return formatDataPath(parseDataPath(path));
  }
}

function internal(self: unknown): Instance {
  const found = instanceOf(self);
  if (!found) throw new TypeError('method called on something that is not a page or component instance');
  return found;
}

/** The methods every `this` has, shared by all instances. */
const publicPrototype: Record<string, unknown> = {
  setData(this: unknown, update: unknown, callback?: unknown) {
    internal(this).setData(update, callback);
  },
  triggerEvent(this: unknown, name: string, detail?: unknown, options?: TriggerOptions) {
    internal(this).triggerEvent(name, detail, options);
  },
  selectComponent(this: unknown, selector: string) {
    return internal(this).selectComponents(String(selector), false)[0]?.exported() ?? null;
  },
  selectAllComponents(this: unknown, selector: string) {
    return internal(this)
      .selectComponents(String(selector), true)
      .map((c) => c.exported());
  },
  selectOwnerComponent(this: unknown) {
    return internal(this).owner?.public ?? null;
  },
  getRelationNodes(this: unknown, key: string) {
    const self = internal(this);
    return [...self.links].filter(([, r]) => r.key === key).map(([other]) => other.public);
  },
  hasBehavior(this: unknown, behavior: unknown) {
    return [...internal(this).def.behaviors].some((b) => b === behavior);
  },
  getPageId(this: unknown) {
    const self = internal(this);
    return (self.isPage ? self : self.page)?.id ?? '';
  },
  groupSetData(this: unknown, fn: () => void) {
    fn();
  },
};
Object.defineProperty(publicPrototype, 'id', {
  get(this: unknown) {
    return instanceOf(this)?.idAttr ?? '';
  },
});
Object.defineProperty(publicPrototype, 'dataset', {
  get(this: unknown) {
    return instanceOf(this)?.dataset ?? {};
  },
});
Object.defineProperty(publicPrototype, 'options', {
  get(this: unknown) {
    return instanceOf(this)?.query ?? {};
  },
});
