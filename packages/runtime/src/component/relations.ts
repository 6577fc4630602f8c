import type { RelationSpec, RelationType } from './definition.ts';
import type { Instance } from './instance.ts';

const reciprocal: Record<RelationType, RelationType> = {
  parent: 'child',
  child: 'parent',
  ancestor: 'descendant',
  descendant: 'ancestor',
};

function resolveKey(fromPath: string, key: string): string {
  if (key.startsWith('/')) return key.slice(1);
  const parts = fromPath.split('/').slice(0, -1);
  for (const part of key.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function targets(self: Instance, relation: RelationSpec, other: Instance): boolean {
  if (relation.target) return other.def.behaviors.has(relation.target);
  return resolveKey(self.def.path, relation.key) === other.def.path;
}

function findRelation(self: Instance, type: RelationType, other: Instance): RelationSpec | undefined {
  return self.def.relations.find((r) => r.type === type && targets(self, r, other));
}

/**
 * Links a newly attached component with the ancestors its relations name: `parent`/`child`
 * must be adjacent in the composed tree, `ancestor`/`descendant` may be any distance apart;
 * both sides must declare the relation, as the dialects require.
 */
export function linkRelations(node: Instance): void {
  const upward = node.def.relations.filter((r) => r.type === 'parent' || r.type === 'ancestor');
  for (const relation of upward) {
    let depth = 0;
    for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
      depth++;
      if (relation.type === 'parent' && depth > 1) break;
      if (!targets(node, relation, ancestor)) continue;
      const back = findRelation(ancestor, reciprocal[relation.type], node);
      if (!back) continue;
      node.links.set(ancestor, relation);
      ancestor.links.set(node, back);
      for (const fn of relation.linked) node.guard(() => fn.call(node.public, ancestor.public), 'lifecycle');
      for (const fn of back.linked) ancestor.guard(() => fn.call(ancestor.public, node.public), 'lifecycle');
      break;
    }
  }
}

/** Undoes every link of a component that leaves the tree, calling `unlinked` on both sides. */
export function unlinkRelations(node: Instance): void {
  for (const [other, relation] of node.links) {
    const back = other.links.get(node);
    node.links.delete(other);
    other.links.delete(node);
    for (const fn of relation.unlinked) node.guard(() => fn.call(node.public, other.public), 'lifecycle');
    if (back)
      for (const fn of back.unlinked) other.guard(() => fn.call(other.public, node.public), 'lifecycle');
  }
}
