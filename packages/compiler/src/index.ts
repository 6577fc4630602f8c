/**
 * @plaza/compiler: builds tt (Douyin) and wx (WeChat) mini programs into
 * Plaza packages. The render runtime the view layer needs is the DOM-free
 * subpath `@plaza/compiler/render-runtime`.
 */
export { codeFrame } from './code-frame.ts';
export { CompilerError, type CompilerErrorCode, compilerMessages, type ErrorHandler } from './errors.ts';
export type { Position, SourceLocation } from './location.ts';
export { type BuildOptions, type BuildParts, type BuildResult, build } from './package/build.ts';
export {
  type ComponentManifest,
  componentManifestSchema,
  type Manifest,
  manifestSchema,
} from './package/manifest.ts';
export { type LoadedPackage, readPackage } from './package/read-package.ts';
export { resolvePackagePath } from './package-path.ts';
export type { AppConfig, ComponentConfig } from './project/config-schema.ts';
export { type Dialect, dialects } from './project/dialect.ts';
export { loadProject, type Project, type ProjectUnit, type Subpackage } from './project/load-project.ts';
export { NPM_NAME } from './project/npm-packages.ts';
export type { StyleScope } from './render-runtime/class-scope.ts';
export type {
  ElementVNode,
  EventBinding,
  RenderFunction,
  RenderRuntime,
  TextVNode,
  VNode,
} from './render-runtime/vnode.ts';
export { scriptGlobals } from './script/transform-script.ts';
export { type CompiledStyle, type CompileStyleOptions, compileStyle } from './style/compile.ts';
export { componentStyleScope, type StyleIsolation } from './style/style-scope.ts';
export { type CompiledTemplate, type CompileTemplateOptions, compileTemplate } from './template/compile.ts';
