import type { AttributeNode } from '../ast.ts';
import type { EventCode } from '../ir.ts';
import type { TransformContext } from '../transform.ts';

/** `bindtap`, `bind:tap`, `catch:tap`, `capture-bind:tap`, `capture-catch:tap`, `mut-bind:tap`. */
const eventAttribute = /^(capture-bind|capture-catch|mut-bind|bind|catch)(:?)([A-Za-z][\w-]*)$/;

/** The event binding an attribute declares, or `undefined` when it is not an event attribute. */
export function transformEvent(attr: AttributeNode, context: TransformContext): EventCode | undefined {
  const match = eventAttribute.exec(attr.name);
  if (!match) return undefined;
  const kind = match[1]!;
  return {
    name: match[3]!,
    handler: attr.value === undefined ? '""' : context.attributeValue(attr),
    capture: kind.startsWith('capture-'),
    catch: kind.endsWith('catch'),
    mut: kind === 'mut-bind',
  };
}
