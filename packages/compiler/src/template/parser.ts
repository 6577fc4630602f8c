import { CompilerError, type ErrorHandler } from '../errors.ts';
import { createLocator } from '../location.ts';
import type { AttributeNode, ElementNode, RootNode, TemplateNode } from './ast.ts';
import { splitInterpolations } from './interpolation.ts';
import { tokenize } from './tokenizer.ts';

/** How deep elements may nest: far beyond real templates, well within every phase's stack. */
export const MAX_DEPTH = 256;

/** Elements whose text is script: it is kept verbatim, never split on `{{`. */
const rawTextElements = new Set(['wxs', 'sjs']);

/**
 * Parses a template into an AST with a location on every node. Mismatched tags
 * are recovered the way browsers do (close up to the matching open element),
 * each problem reported through `onError`.
 */
export function parseTemplate(source: string, onError: ErrorHandler): RootNode {
  const locate = createLocator(source);
  const { tokens, problems } = tokenize(source);
  for (const problem of problems) {
    const loc = { start: locate(problem.start), end: locate(problem.end) };
    onError(
      problem.kind === 'eof-in-comment'
        ? new CompilerError('PLZ_TPL_EOF_IN_COMMENT', [], loc)
        : new CompilerError('PLZ_TPL_EOF_IN_TAG', [problem.name], loc),
    );
  }
  const root: RootNode = {
    type: 'root',
    children: [],
    source,
    loc: { start: locate(0), end: locate(source.length) },
  };
  const stack: ElementNode[] = [];
  let tooDeep = false;
  const childrenOf = () => (stack.length ? stack[stack.length - 1]!.children : root.children);

  for (const token of tokens) {
    if (token.type === 'text') {
      const content = source.slice(token.start, token.end);
      const parent = stack[stack.length - 1];
      const loc = { start: locate(token.start), end: locate(token.end) };
      const parts =
        parent && rawTextElements.has(parent.tag)
          ? [{ type: 'static' as const, value: content, loc }]
          : splitInterpolations(content, token.start, locate, onError);
      childrenOf().push({ type: 'text', content, parts, loc });
    } else if (token.type === 'comment') {
      childrenOf().push({
        type: 'comment',
        content: source.slice(token.start + 4, token.end - 3),
        loc: { start: locate(token.start), end: locate(token.end) },
      });
    } else if (token.type === 'open') {
      const attrs: AttributeNode[] = [];
      const seen = new Set<string>();
      for (const raw of token.attrs) {
        const nameLoc = { start: locate(raw.start), end: locate(raw.start + raw.name.length) };
        if (seen.has(raw.name)) {
          onError(new CompilerError('PLZ_TPL_DUPLICATE_ATTRIBUTE', [raw.name], nameLoc));
          continue;
        }
        seen.add(raw.name);
        attrs.push({
          type: 'attribute',
          name: raw.name,
          value: raw.value,
          parts:
            raw.value === undefined ? [] : splitInterpolations(raw.value, raw.valueStart, locate, onError),
          loc: { start: locate(raw.start), end: locate(raw.end) },
          nameLoc,
          valueLoc: { start: locate(raw.valueStart), end: locate(raw.valueEnd) },
        });
      }
      const element: ElementNode = {
        type: 'element',
        tag: token.name,
        attrs,
        children: [],
        loc: { start: locate(token.start), end: locate(token.end) },
      };
      if (stack.length >= MAX_DEPTH) {
        // Deeper than any real page: left out (its end tag then matches nothing), so that no
        // later phase recurses without bound.
        if (!tooDeep) onError(new CompilerError('PLZ_TPL_TOO_DEEP', [MAX_DEPTH, token.name], element.loc));
        tooDeep = true;
        continue;
      }
      childrenOf().push(element);
      if (!token.selfClosing) {
        stack.push(element);
      }
    } else {
      const match = findOpen(stack, token.name);
      if (match < 0) {
        onError(
          new CompilerError('PLZ_TPL_UNEXPECTED_END_TAG', [token.name], {
            start: locate(token.start),
            end: locate(token.end),
          }),
        );
        continue;
      }
      while (stack.length > match + 1) {
        onError(missingEnd(stack.pop()!));
      }
      const element = stack.pop()!;
      element.loc = { start: element.loc.start, end: locate(token.end) };
    }
  }
  while (stack.length) onError(missingEnd(stack.pop()!));
  return root;
}

function findOpen(stack: ElementNode[], tag: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.tag === tag) return i;
  return -1;
}

function missingEnd(element: ElementNode): CompilerError {
  return new CompilerError('PLZ_TPL_MISSING_END_TAG', [element.tag], element.loc);
}

/** Elements and meaningful text only: comments never render. */
export function significantChildren(children: TemplateNode[]): TemplateNode[] {
  return children.filter((child) => child.type !== 'comment');
}
