import { extensionOf, resolvePackagePath } from '../package-path.ts';
import { wxsScope } from './wxs-scope.ts';

/** The factory a wxs/sjs module compiles to (`module`, `exports`, `require`, `getRegExp`, `getDate`, and the scope of its free names). */
export type WxsFactory = (
  module: { exports: unknown },
  exports: unknown,
  require: (path: string) => unknown,
  getRegExp: (pattern: string, flags?: string) => RegExp,
  getDate: (...args: unknown[]) => Date,
  scope: object,
) => void;

const getRegExp = (pattern: string, flags?: string) => new RegExp(pattern, flags);
const getDate = (...args: unknown[]) => new (Date as unknown as new (...a: unknown[]) => Date)(...args);

/**
 * Instantiates wxs/sjs modules once each, CommonJS style: a module is cached
 * before it runs, so `require` cycles see the partial exports instead of looping.
 */
export class WxsLoader {
  private readonly factories = new Map<string, WxsFactory>();
  private readonly instances = new Map<string, { exports: unknown }>();

  define(id: string, factory: WxsFactory): void {
    // Defined again (`plaza dev`): modules that required the old one are instantiated afresh.
    if (this.factories.has(id)) this.instances.clear();
    this.factories.set(id, factory);
  }

  has(id: string): boolean {
    return this.factories.has(id);
  }

  /** Exports of module `id` (a package path such as `utils/format.wxs`, or `page#inline`); `undefined` if unknown. */
  load(id: string): unknown {
    const cached = this.instances.get(id);
    if (cached) return cached.exports;
    const factory = this.factories.get(id);
    if (!factory) return undefined;
    const module = { exports: {} as unknown };
    this.instances.set(id, module);
    const base = id.includes('#') ? id.slice(0, id.indexOf('#')) : id;
    const require = (path: string) => this.load(this.resolve(base, path) ?? path);
    factory(module, module.exports, require, getRegExp, getDate, wxsScope());
    return module.exports;
  }

  /** `./b` from `utils/a.wxs` → `utils/b.wxs`, trying the extension of the requiring file when missing. */
  private resolve(from: string, path: string): string | undefined {
    const resolved = resolvePackagePath(from, path);
    if (!resolved) return undefined;
    if (this.factories.has(resolved)) return resolved;
    for (const extension of [extensionOf(from) || '.wxs', '.wxs', '.sjs']) {
      if (this.factories.has(resolved + extension)) return resolved + extension;
    }
    return resolved;
  }
}
