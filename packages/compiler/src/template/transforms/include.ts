import { resolvePackagePath, stripExtension } from '../../package-path.ts';
import type { ElementNode } from '../ast.ts';
import { findAttribute, staticValue } from '../directives.ts';
import type { RenderNode } from '../ir.ts';
import type { FileReference, TransformContext } from '../transform.ts';

/** Resolves the static `src` of `<import>`, `<include>` or `<wxs>`; reports a missing or dynamic one. */
export function fileReference(element: ElementNode, context: TransformContext): FileReference | undefined {
  const attr = findAttribute(element, 'src');
  const src = staticValue(attr)?.trim();
  if (!attr || !src) {
    context.error('PLZ_TPL_MISSING_SRC', [element.tag], attr?.valueLoc ?? element.loc);
    return undefined;
  }
  return { src, path: resolvePackagePath(context.filename, src), loc: attr.valueLoc };
}

/**
 * `<import src>` makes the templates *defined* in that file callable here
 * (only those: an import is not transitive, as both dialects define it).
 */
export function transformImport(element: ElementNode, context: TransformContext): void {
  const reference = fileReference(element, context);
  if (reference) context.imports.push(reference);
}

/**
 * `<include src>` renders everything of that file except its template
 * definitions, in place, with the current data. Loop variables in scope are
 * handed over as data so the included markup sees them too.
 */
export function transformInclude(element: ElementNode, context: TransformContext): RenderNode | undefined {
  const reference = fileReference(element, context);
  if (!reference) return undefined;
  context.includes.push(reference);
  const locals = [...context.scope.locals].map(([name, local]) => `${JSON.stringify(name)}: ${local}`);
  const scope = locals.length ? `rt.with(d, {${locals.join(', ')}})` : 'd';
  return { type: 'include', module: stripExtension(reference.path ?? reference.src), scope };
}
