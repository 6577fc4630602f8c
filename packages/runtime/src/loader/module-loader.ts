import { RuntimeError } from '../errors.ts';

/**
 * What a module factory receives after `require, module, exports`, in this order. The first
 * ten are the compiler's `scriptGlobals` (a test pins the two lists together); the timers
 * after them are passed for bundles that name them, so errors in their callbacks are reported.
 */
export const MODULE_GLOBALS = [
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'tt',
  'wx',
  '__wxConfig',
  'global',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
] as const;
export type ModuleGlobalName = (typeof MODULE_GLOBALS)[number];
export type ModuleGlobals = Record<ModuleGlobalName, unknown>;

export type ModuleFactory = (
  require: (id: string) => unknown,
  module: { exports: unknown; id: string },
  exports: unknown,
  ...globals: unknown[]
) => void;

interface ModuleRecord {
  factory: ModuleFactory;
  module?: { exports: unknown; id: string; loaded: boolean };
}

/**
 * The CommonJS loader of a package's `logic.js`: `__plaza_define(path, factory)` registers,
 * `require` resolves relative ids, `.js`/`.json` optional, `index` files, `miniprogram_npm`
 * packages; a cycle sees the partial
 * `exports` of the module still loading, as Node does.
 */
export class ModuleLoader {
  private readonly modules = new Map<string, ModuleRecord>();
  private readonly loading: string[] = [];

  constructor(private readonly globals: () => ModuleGlobals) {}

  /** The `__plaza_define` the bundle calls. */
  readonly define = (path: string, factory: ModuleFactory): void => {
    const id = normalise(path);
    if (this.modules.has(id)) throw new RuntimeError('MODULE_DUPLICATE', id);
    this.modules.set(id, { factory });
  };

  /**
   * Replaces a module's factory (`plaza dev`): the next `require` runs the new one; modules
   * that already hold the old exports keep them.
   */
  readonly redefine = (path: string, factory: ModuleFactory): void => {
    this.modules.set(normalise(path), { factory });
  };

  has(path: string): boolean {
    return this.resolve(path) !== undefined;
  }

  /** The module being evaluated right now (Page()/Component() learn their path from it). */
  get current(): string | undefined {
    return this.loading[this.loading.length - 1];
  }

  /** Requires by package path (`pages/index/index`), as the runtime does for pages and components. */
  load(path: string, from = '<runtime>'): unknown {
    const id = this.resolve(path);
    if (id === undefined) throw new RuntimeError('MODULE_NOT_FOUND', path, from);
    return this.evaluate(id);
  }

  /**
   * Resolves an id as written in a `require` call inside `from`, as the platforms do: `/x` from
   * the root, `./x` and `../x` from the requiring file; a bare `x` relative to the requiring
   * file first, then in the `miniprogram_npm` of each folder up to the root, then from the root.
   */
  resolveFrom(request: string, from: string): string | undefined {
    if (request.startsWith('/')) return this.resolve(request.slice(1));
    const here = dirname(from);
    if (request.startsWith('./') || request.startsWith('../')) return this.resolve(join(here, request));
    const relative = this.resolve(join(here, request));
    if (relative !== undefined) return relative;
    const folders = here === '' ? [] : here.split('/');
    for (let n = folders.length; n >= 0; n--) {
      const npm = this.resolve(join(folders.slice(0, n).join('/'), `miniprogram_npm/${request}`));
      if (npm !== undefined) return npm;
    }
    return this.resolve(request);
  }

  private resolve(path: string): string | undefined {
    const id = normalise(path);
    for (const candidate of [id, `${id}.js`, `${id}.json`, `${id}/index.js`]) {
      if (this.modules.has(candidate)) return candidate;
    }
    return undefined;
  }

  private evaluate(id: string): unknown {
    const record = this.modules.get(id)!;
    if (record.module) return record.module.exports;
    const module = { exports: {} as unknown, id, loaded: false };
    record.module = module;
    const requireSync = (request: string): unknown => {
      const target = this.resolveFrom(String(request), id);
      if (target === undefined) throw new RuntimeError('MODULE_NOT_FOUND', String(request), id);
      return this.evaluate(target);
    };
    // The platforms' forms for modules of subpackages loaded later: `require(id, done, fail)`
    // and `require.async(id)`. Every module of the package is here already, so both resolve
    // at once (on the next tick, as an asynchronous load would).
    const require = Object.assign(
      (request: string, done?: unknown, fail?: unknown): unknown => {
        if (typeof done !== 'function') return requireSync(request);
        Promise.resolve()
          .then(() => requireSync(request))
          .then(done as (exports: unknown) => void, (error: unknown) => {
            if (typeof fail === 'function') fail(error);
            else throw error;
          });
        return undefined;
      },
      { async: (request: string) => Promise.resolve().then(() => requireSync(request)) },
    );
    const globals = this.globals();
    this.loading.push(id);
    try {
      record.factory.call(
        module.exports,
        require,
        module,
        module.exports,
        ...MODULE_GLOBALS.map((name) => globals[name]),
      );
      module.loaded = true;
    } catch (error) {
      // A module that threw is not cached, so a later require reports the error again.
      record.module = undefined;
      throw error;
    } finally {
      this.loading.pop();
    }
    return module.exports;
  }
}

function normalise(path: string): string {
  return join('', path.replace(/^\/+/, ''));
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function join(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
