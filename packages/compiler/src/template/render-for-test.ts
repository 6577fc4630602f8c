import { loadViewBundle } from '../render-runtime/index.ts';
import type { ViewRegistry } from '../render-runtime/view-registry.ts';
import type { VNode } from '../render-runtime/vnode.ts';
import { type CompileTemplateOptions, compileTemplate } from './compile.ts';

/**
 * Compiles templates and evaluates them into a registry, as `view.js` would:
 * what the tests of directives and expressions render through.
 */
export function registryOf(
  files: Record<string, string>,
  options: CompileTemplateOptions = {},
): ViewRegistry {
  const bundle = Object.entries(files).map(([filename, source]) => {
    const compiled = compileTemplate(source, { ...options, filename });
    if (compiled.errors.length) throw new Error(compiled.errors.map(String).join('\n'));
    return `__plaza_view_define(${JSON.stringify(filename.replace(/\.\w+$/, ''))}, ${compiled.code});`;
  });
  return loadViewBundle(bundle.join('\n'));
}

/** Renders one template with `data`. */
export function renderTemplate(source: string, data: unknown, options: CompileTemplateOptions = {}): VNode[] {
  return registryOf({ 'pages/t/t.wxml': source }, options).render('pages/t/t', data);
}

/** A compact HTML-like print of vnodes, so expectations read like templates. */
export function printNodes(nodes: VNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      const attrs = Object.entries(node.attrs).map(([name, value]) =>
        value === true
          ? ` ${name}`
          : ` ${name}=${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)}`,
      );
      if (node.key !== undefined) attrs.unshift(` key=${JSON.stringify(node.key)}`);
      if (node.slot !== undefined) attrs.push(` slot:${node.slot}`);
      return `<${node.tag}${attrs.join('')}>${printNodes(node.children)}</${node.tag}>`;
    })
    .join('');
}
