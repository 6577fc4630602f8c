import type { StaticChild } from '../package/manifest.ts';
import type { RootNode, TemplateNode, ValuePart } from './ast.ts';
import { directiveName, staticValue } from './directives.ts';

// Tags that define or pull in other markup instead of rendering their children here.
const NOT_RENDERED_HERE = new Set(['template', 'import', 'include', 'wxs', 'sjs', 'slot']);

/**
 * The custom components a template declares outside any loop, `<template>` or another
 * component's slot content, and outside conditions other than `wx:if="{{ field }}"` (kept as
 * `when`): on the platforms they exist (their `created` has run) when their owner's
 * `created`/`attached` or its page's `onLoad` runs, so `selectComponent` finds them.
 */
export function staticChildren(ast: RootNode, usingComponents: Record<string, string>): StaticChild[] {
  // A rebuild meets the same tree again (an unchanged template's compile is reused).
  const key = JSON.stringify(usingComponents);
  const known = remembered.get(ast);
  if (known?.key === key) return known.found;
  const found = walkStatic(ast, usingComponents);
  remembered.set(ast, { key, found });
  return found;
}

const remembered = new WeakMap<RootNode, { key: string; found: StaticChild[] }>();

function walkStatic(ast: RootNode, usingComponents: Record<string, string>): StaticChild[] {
  const found: StaticChild[] = [];
  const walk = (nodes: TemplateNode[], outer: string[]) => {
    for (const node of nodes) {
      if (node.type !== 'element' || NOT_RENDERED_HERE.has(node.tag)) continue;
      const when = [...outer];
      let unknowable = false;
      for (const attr of node.attrs) {
        const directive = directiveName(attr);
        if (directive === undefined || directive === 'key') continue;
        const field = directive === 'if' ? bareField(attr.parts) : undefined;
        if (field) when.push(field);
        else unknowable = true;
      }
      if (unknowable) continue;
      const path = usingComponents[node.tag];
      if (!path) {
        walk(node.children, when);
        continue;
      }
      const literal = (name: string) => staticValue(node.attrs.find((attr) => attr.name === name));
      const id = literal('id');
      const classes = literal('class');
      // An id or class computed from data cannot be matched before the view renders.
      if (
        (id === undefined && node.attrs.some((a) => a.name === 'id')) ||
        (classes === undefined && node.attrs.some((a) => a.name === 'class'))
      )
        continue;
      found.push({
        path,
        tag: node.tag,
        id: id ?? '',
        classes: [...new Set((classes ?? '').split(/\s+/).filter(Boolean))],
        ...(when.length ? { when } : {}),
      });
    }
  };
  walk(ast.children, []);
  return found;
}

/** `{{ mask }}` → `mask`: a condition the logic can read from the owner's data. */
function bareField(parts: ValuePart[]): string | undefined {
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.type === 'interpolation' ? /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(only.source)?.[1] : undefined;
}
