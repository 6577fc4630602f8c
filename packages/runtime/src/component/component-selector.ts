/** What a selector can see of a component instance (its host element in the owner's template). */
export interface SelectableComponent {
  tag: string;
  idAttr: string;
  classes: string[];
}

/**
 * Matches one compound selector (`tag`, `#id`, `.a.b`, `tag.a#id`) against a component's host,
 * which is what `selectComponent` supports in both dialects.
 */
export function matchesSelector(selector: string, component: SelectableComponent): boolean {
  const parts = selector.trim().match(/[#.]?[^#.]+/g);
  if (!parts) return false;
  return parts.every((part) => {
    if (part.startsWith('#')) return component.idAttr === part.slice(1);
    if (part.startsWith('.')) return component.classes.includes(part.slice(1));
    return component.tag === part;
  });
}
