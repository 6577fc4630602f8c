import { isPlainObject, mergeData } from '../data/plain-data.ts';
import type { ComponentOptions } from '../protocol/messages.ts';
import { normaliseProperty, type PropertySpec } from './property-types.ts';

// biome-ignore lint/suspicious/noExplicitAny: mini-program callbacks are untyped user code
export type UserFunction = (this: any, ...args: any[]) => unknown;
type Raw = Record<string, unknown>;

export const COMPONENT_LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'] as const;
export type ComponentLifetime = (typeof COMPONENT_LIFETIMES)[number];
export const PAGE_LIFETIMES = ['show', 'hide', 'resize', 'routeDone'] as const;
export type PageLifetime = (typeof PAGE_LIFETIMES)[number];
export type RelationType = 'parent' | 'child' | 'ancestor' | 'descendant';

/** A value returned by `Behavior()`: a marker object carrying its definition. */
export interface BehaviorRecord {
  readonly __plazaBehavior: true;
  readonly id: number;
  readonly definition: Raw;
  /** Its `definitionFilter`, bound to the filters of the behaviors it uses itself. */
  readonly filter?: BoundFilter;
}

/** A `definitionFilter` ready to run on one user's definition. */
type BoundFilter = (target: Raw) => void;

export interface ObserverSpec {
  paths: { segments: string; deep: boolean }[];
  fn: UserFunction;
}

export interface RelationSpec {
  key: string;
  type: RelationType;
  target?: BehaviorRecord;
  linked: UserFunction[];
  linkChanged: UserFunction[];
  unlinked: UserFunction[];
}

/** A Page()/Component() definition with its behaviors folded in, ready to instantiate. */
export interface Definition {
  kind: 'page' | 'component';
  /** Package path without extension: `components/card/card`. */
  path: string;
  data: Raw;
  properties: Record<string, PropertySpec>;
  methods: Record<string, UserFunction>;
  /** Page(): plain fields other than data and functions, copied onto the instance. */
  fields: Raw;
  lifetimes: Record<ComponentLifetime, UserFunction[]>;
  pageLifetimes: Record<PageLifetime, UserFunction[]>;
  observers: ObserverSpec[];
  relations: RelationSpec[];
  externalClasses: string[];
  options: ComponentOptions;
  behaviors: Set<BehaviorRecord>;
  exportFn?: UserFunction;
}

let behaviorIds = 0;

/** `Behavior(def)`: a reusable slice of a component definition. */
export function createBehavior(definition: Raw): BehaviorRecord {
  const def = definition ?? {};
  applyDefinitionFilters(def);
  const own = def.definitionFilter;
  // The second argument WeChat passes: one entry per behavior this one uses, null when it has no filter.
  const childFilters = directBehaviors(def).map((b) => b.filter ?? null);
  const filter =
    typeof own === 'function' ? (target: Raw) => void own.call(def, target, childFilters) : undefined;
  return Object.freeze({ __plazaBehavior: true as const, id: ++behaviorIds, definition: def, filter });
}

function directBehaviors(def: Raw): BehaviorRecord[] {
  const list = Array.isArray(def.behaviors) ? def.behaviors : [];
  return [...new Set(list.filter(isBehavior))];
}

/**
 * Runs the `definitionFilter` of each behavior a definition (component, page or behavior) lists,
 * in order, on that definition itself before it is used: a filter may add methods, observers,
 * data… as WeChat's behaviors documentation describes. Filters of behaviors used further down
 * reach this definition only through the `definitionFilterArr` their user chose to call.
 */
function applyDefinitionFilters(def: Raw): void {
  for (const b of directBehaviors(def)) b.filter?.(def);
}

export function isBehavior(value: unknown): value is BehaviorRecord {
  return isPlainObject(value) && value.__plazaBehavior === true;
}

/** Behaviors first (depth-first, each once, in array order), the definition itself last. */
function linearise(definition: Raw): { chain: Raw[]; behaviors: Set<BehaviorRecord> } {
  const chain: Raw[] = [];
  const behaviors = new Set<BehaviorRecord>();
  const visit = (def: Raw) => {
    const list = Array.isArray(def.behaviors) ? def.behaviors : [];
    for (const b of list) {
      // String behaviors (`wx://form-field`) name built-ins the view handles.
      if (!isBehavior(b) || behaviors.has(b)) continue;
      behaviors.add(b);
      visit(b.definition);
      chain.push(b.definition);
    }
  };
  visit(definition);
  chain.push(definition);
  return { chain, behaviors };
}

const PAGE_RESERVED = new Set(['data', 'behaviors', 'options']);

/**
 * Folds behaviors into a definition by the rules WeChat documents: data merges deeply,
 * properties and methods of later sources override earlier ones (the definition itself wins),
 * lifecycles, observers and relations accumulate and all run, behaviors first.
 */
export function normaliseDefinition(kind: 'page' | 'component', path: string, definition: Raw): Definition {
  applyDefinitionFilters(definition ?? {});
  const { chain, behaviors } = linearise(definition ?? {});
  const out: Definition = {
    kind,
    path,
    data: {},
    properties: {},
    methods: {},
    fields: {},
    lifetimes: Object.fromEntries(
      COMPONENT_LIFETIMES.map((n) => [n, []]),
    ) as unknown as Definition['lifetimes'],
    pageLifetimes: Object.fromEntries(
      PAGE_LIFETIMES.map((n) => [n, []]),
    ) as unknown as Definition['pageLifetimes'],
    observers: [],
    relations: [],
    externalClasses: [],
    options: {},
    behaviors,
  };
  for (const def of chain) {
    const isPageStyle = kind === 'page' && def === definition;
    if (isPlainObject(def.properties)) {
      for (const [name, raw] of Object.entries(def.properties)) out.properties[name] = normaliseProperty(raw);
    }
    if (isPlainObject(def.data)) mergeData(out.data, def.data);
    if (isPlainObject(def.methods)) Object.assign(out.methods, onlyFunctions(def.methods));
    if (isPageStyle) {
      // Page() puts handlers and page lifecycles at the top level.
      for (const [name, value] of Object.entries(def)) {
        if (PAGE_RESERVED.has(name)) continue;
        if (typeof value === 'function') out.methods[name] = value as UserFunction;
        else if (
          def === definition &&
          ![
            'properties',
            'methods',
            'lifetimes',
            'pageLifetimes',
            'observers',
            'relations',
            'externalClasses',
          ].includes(name)
        )
          out.fields[name] = value;
      }
    }
    const lifetimes = isPlainObject(def.lifetimes) ? def.lifetimes : {};
    for (const name of COMPONENT_LIFETIMES) {
      // `lifetimes.attached` wins over a top-level `attached` of the same definition.
      const fn = lifetimes[name] ?? (kind === 'component' ? def[name] : undefined);
      if (typeof fn === 'function') out.lifetimes[name].push(fn as UserFunction);
    }
    const pageLifetimes = isPlainObject(def.pageLifetimes) ? def.pageLifetimes : {};
    for (const name of PAGE_LIFETIMES) {
      const fn = pageLifetimes[name];
      if (typeof fn === 'function') out.pageLifetimes[name].push(fn as UserFunction);
    }
    if (isPlainObject(def.observers)) {
      for (const [spec, fn] of Object.entries(def.observers)) {
        if (typeof fn !== 'function') continue;
        out.observers.push({ paths: parseObserverPaths(spec), fn: fn as UserFunction });
      }
    }
    if (isPlainObject(def.relations)) {
      for (const [key, raw] of Object.entries(def.relations)) {
        if (!isPlainObject(raw)) continue;
        const type = raw.type as RelationType;
        const list = (name: string) => (typeof raw[name] === 'function' ? [raw[name] as UserFunction] : []);
        const existing = out.relations.find((r) => r.key === key);
        const spec: RelationSpec = existing ?? { key, type, linked: [], linkChanged: [], unlinked: [] };
        if (isBehavior(raw.target)) spec.target = raw.target;
        spec.linked.push(...list('linked'));
        spec.linkChanged.push(...list('linkChanged'));
        spec.unlinked.push(...list('unlinked'));
        if (!existing) out.relations.push(spec);
      }
    }
    if (Array.isArray(def.externalClasses)) {
      for (const c of def.externalClasses)
        if (typeof c === 'string' && !out.externalClasses.includes(c)) out.externalClasses.push(c);
    }
    if (typeof def.export === 'function') out.exportFn = def.export as UserFunction;
  }
  if (isPlainObject(definition?.options)) out.options = pickOptions(definition.options);
  return out;
}

function onlyFunctions(source: Raw): Record<string, UserFunction> {
  const out: Record<string, UserFunction> = {};
  for (const [k, v] of Object.entries(source)) if (typeof v === 'function') out[k] = v as UserFunction;
  return out;
}

function pickOptions(raw: Raw): ComponentOptions {
  const out: ComponentOptions = {};
  if (typeof raw.multipleSlots === 'boolean') out.multipleSlots = raw.multipleSlots;
  if (typeof raw.addGlobalClass === 'boolean') out.addGlobalClass = raw.addGlobalClass;
  if (typeof raw.virtualHost === 'boolean') out.virtualHost = raw.virtualHost;
  const isolation = raw.styleIsolation;
  if (
    isolation === 'isolated' ||
    isolation === 'apply-shared' ||
    isolation === 'shared' ||
    isolation === 'page-isolated' ||
    isolation === 'page-apply-shared' ||
    isolation === 'page-shared'
  )
    out.styleIsolation = isolation;
  return out;
}

/** `'a, b.c, list[0], obj.**'` → the observed paths; `**` observes everything below. */
export function parseObserverPaths(spec: string): { segments: string; deep: boolean }[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (s === '**') return { segments: '', deep: true };
      if (s.endsWith('.**')) return { segments: s.slice(0, -3), deep: true };
      return { segments: s, deep: false };
    });
}
