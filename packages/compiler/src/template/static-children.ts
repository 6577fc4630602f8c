import type { StaticChild } from '../package/manifest.ts';
import type { RootNode, TemplateNode } from './ast.ts';
import { directiveName, staticValue } from './directives.ts';

// Tags that define or pull in other markup instead of rendering their children here.
const NOT_RENDERED_HERE = new Set(['template', 'import', 'include', 'wxs', 'sjs', 'slot']);

/**
 * The custom components a template declares outside any condition, loop, `<template>` or
 * another component's slot content: on the platforms they exist (their `created` has run)
 * when their owner's `attached` or its page's `onLoad` runs, so `selectComponent` finds them.
 */
export function staticChildren(ast: RootNode, usingComponents: Record<string, string>): StaticChild[] {
  const found: StaticChild[] = [];
  const walk = (nodes: TemplateNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element' || NOT_RENDERED_HERE.has(node.tag)) continue;
      if (node.attrs.some((attr) => directiveName(attr) !== undefined && directiveName(attr) !== 'key'))
        continue;
      const path = usingComponents[node.tag];
      if (!path) {
        walk(node.children);
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
      });
    }
  };
  walk(ast.children);
  return found;
}
