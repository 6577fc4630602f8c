import type { AttributeNode, ElementNode } from './ast.ts';

/** The directive prefixes of the two dialects; both are accepted in either, as migrated code mixes them. */
export const directivePrefixes = ['tt', 'wx'] as const;

export const knownDirectives = new Set([
  'if',
  'elif',
  'else',
  'for',
  'for-items',
  'for-item',
  'for-index',
  'key',
]);

/** `wx:if` → `if`; `undefined` for an ordinary attribute. */
export function directiveName(attr: AttributeNode): string | undefined {
  const colon = attr.name.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = attr.name.slice(0, colon);
  return (directivePrefixes as readonly string[]).includes(prefix) ? attr.name.slice(colon + 1) : undefined;
}

export function findDirective(element: ElementNode, name: string): AttributeNode | undefined {
  return element.attrs.find((attr) => directiveName(attr) === name);
}

export function findAttribute(element: ElementNode, name: string): AttributeNode | undefined {
  return element.attrs.find((attr) => attr.name === name);
}

/** The attribute's literal value when it has no `{{ }}`. */
export function staticValue(attr: AttributeNode | undefined): string | undefined {
  if (!attr || attr.value === undefined) return undefined;
  return attr.parts.every((part) => part.type === 'static')
    ? attr.parts.map((part) => part.value).join('')
    : undefined;
}
