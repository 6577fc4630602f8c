import type { ErrorHandler } from '../errors.ts';
import { CompilerError } from '../errors.ts';
import type { Position, SourceLocation } from '../location.ts';
import type { AttributeNode, ElementNode, RootNode, TemplateNode, ValuePart } from './ast.ts';
import { compileExpression, type ExpressionScope } from './expression.ts';
import type { Code, RenderNode } from './ir.ts';
import { transformElementAttributes } from './transforms/attributes.ts';
import { transformBlock } from './transforms/block.ts';
import { hasForDirective, transformFor } from './transforms/for.ts';
import { transformIfChain } from './transforms/if.ts';
import { transformImport, transformInclude } from './transforms/include.ts';
import { transformSlot } from './transforms/slot.ts';
import { transformTemplate } from './transforms/template.ts';
import { collectWxsModules } from './transforms/wxs.ts';

/** A file another one names with `src` (import, include, wxs), resolved to its package path. */
export interface FileReference {
  src: string;
  /** Package-relative path with extension, or `undefined` when `src` leaves the package. */
  path: string | undefined;
  loc: SourceLocation;
}

export interface WxsModuleReference {
  name: string;
  /** Package path of the `.wxs`/`.sjs` file, for `src=`. */
  file?: FileReference;
  /** Source of an inline module. */
  code?: string;
  loc: SourceLocation;
}

export interface TransformOptions {
  /** Package-relative path of the template, with extension. */
  filename: string;
  /** `wxs` (WeChat) or `sjs` (Douyin): the module element and extension of the dialect. */
  moduleKind: 'wxs' | 'sjs';
  /** Custom component tags → component package paths. */
  usingComponents: Readonly<Record<string, string>>;
  /** Component package path → its external class attribute names. */
  externalClasses: Readonly<Record<string, readonly string[]>>;
  onError: ErrorHandler;
  locate: (offset: number) => Position;
  /** wxs/sjs names declared by the files that include this one. */
  inheritedWxs?: readonly string[];
  /** The built-in components the view renders: any other tag that is not custom is reported. */
  builtinTags?: ReadonlySet<string>;
}

export interface TransformResult {
  render: RenderNode[];
  templates: Map<string, RenderNode[]>;
  imports: FileReference[];
  includes: FileReference[];
  wxs: WxsModuleReference[];
  /** Every tag used, custom or built-in, for the migration report. */
  tags: Set<string>;
}

/** The state one template's transform shares with its directive transforms. */
export interface TransformContext extends TransformOptions, TransformResult {
  scope: { locals: Map<string, string>; wxsModules: Set<string>; moduleKind: string };
  /** Nesting depth of loops: names the JS locals of loop variables uniquely. */
  loopDepth: number;
  error(
    code: ConstructorParameters<typeof CompilerError>[0],
    args: (string | number)[],
    loc: SourceLocation,
  ): void;
  /** Code of one `{{ }}`; `undefined` when it did not compile (already reported). */
  expression(part: ValuePart & { type: 'interpolation' }, asObject?: boolean): Code;
  /** Code of an attribute value: raw value for a lone `{{x}}`, a string otherwise, `true` when bare. */
  attributeValue(attr: AttributeNode): Code;
  transformChildren(children: TemplateNode[]): RenderNode[];
  transformElement(element: ElementNode): RenderNode | undefined;
}

export function transformTemplateAst(root: RootNode, options: TransformOptions): TransformResult {
  const context: TransformContext = {
    ...options,
    render: [],
    templates: new Map(),
    imports: [],
    includes: [],
    wxs: [],
    tags: new Set(),
    scope: { locals: new Map(), wxsModules: new Set(), moduleKind: options.moduleKind },
    loopDepth: 0,
    error(code, args, loc) {
      options.onError(new CompilerError(code, args, loc));
    },
    expression(part, asObject = false) {
      const scope: ExpressionScope = context.scope;
      return (
        compileExpression(
          part.source,
          part.sourceOffset,
          { scope, locate: options.locate, onError: options.onError },
          asObject,
        ) ?? 'undefined'
      );
    },
    attributeValue(attr) {
      if (attr.value === undefined) return 'true';
      return partsCode(attr.parts, context, false);
    },
    transformChildren(children) {
      return transformChildren(children, context);
    },
    transformElement(element) {
      return transformElement(element, context);
    },
  };
  context.wxs.push(...collectWxsModules(root.children, context));
  for (const module of context.wxs) context.scope.wxsModules.add(module.name);
  for (const name of options.inheritedWxs ?? []) context.scope.wxsModules.add(name);
  context.render = transformChildren(root.children, context);
  return context;
}

/** Code of a run of text and `{{ }}` parts; `asText` always yields a string. */
export function partsCode(parts: ValuePart[], context: TransformContext, asText: boolean): Code {
  if (parts.length === 1 && parts[0]!.type === 'interpolation') {
    const code = context.expression(parts[0]!);
    return asText ? `rt.s(${code})` : code;
  }
  if (parts.every((part) => part.type === 'static'))
    return JSON.stringify(parts.map((part) => part.value).join(''));
  return parts
    .map((part) =>
      part.type === 'static' ? JSON.stringify(part.value) : `rt.s(${context.expression(part)})`,
    )
    .join(' + ');
}

function transformChildren(children: TemplateNode[], context: TransformContext): RenderNode[] {
  const out: RenderNode[] = [];
  const nodes = children.filter((child) => child.type !== 'comment' && !isLayoutWhitespace(child));
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      out.push({ type: 'text', value: partsCode(node.parts, context, true) });
      continue;
    }
    if (node.type !== 'element') continue;
    const chain = transformIfChain(nodes, i, context);
    if (chain) {
      out.push(chain.node);
      i = chain.last;
      continue;
    }
    const rendered = transformElement(node, context);
    if (rendered) out.push(rendered);
  }
  return out;
}

/** Whitespace-only text that spans lines is indentation between tags, not content. */
function isLayoutWhitespace(node: TemplateNode): boolean {
  return node.type === 'text' && /^\s*$/.test(node.content) && node.content.includes('\n');
}

function transformElement(element: ElementNode, context: TransformContext): RenderNode | undefined {
  if (hasForDirective(element)) return transformFor(element, context);
  switch (element.tag) {
    case 'template':
      return transformTemplate(element, context);
    case 'import':
      transformImport(element, context);
      return undefined;
    case 'include':
      return transformInclude(element, context);
    case 'wxs':
    case 'sjs':
      return undefined; // collected before the transform, so expressions anywhere can call them
    case 'block':
      return transformBlock(element, context);
    case 'slot':
      return transformSlot(element, context);
    default:
      return transformElementAttributes(element, context);
  }
}
