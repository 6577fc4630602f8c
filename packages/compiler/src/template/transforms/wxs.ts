import type { TemplateNode } from '../ast.ts';
import { findAttribute, staticValue } from '../directives.ts';
import type { TransformContext, WxsModuleReference } from '../transform.ts';
import { fileReference } from './include.ts';

/**
 * `<wxs module="m" src="./m.wxs"/>`, `<sjs module="m" src>`, or inline
 * `<wxs module="m">module.exports = …</wxs>`. Collected before anything else
 * so expressions anywhere in the file can call the module.
 */
export function collectWxsModules(children: TemplateNode[], context: TransformContext): WxsModuleReference[] {
  const found: WxsModuleReference[] = [];
  const visit = (nodes: TemplateNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tag !== 'wxs' && node.tag !== 'sjs') {
        visit(node.children);
        continue;
      }
      const nameAttr = findAttribute(node, 'module');
      const name = staticValue(nameAttr)?.trim();
      if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) {
        context.error('PLZ_TPL_WXS_WITHOUT_MODULE', [node.tag], nameAttr?.valueLoc ?? node.loc);
        continue;
      }
      if (findAttribute(node, 'src')) {
        const file = fileReference(node, context);
        if (file) found.push({ name, file, loc: node.loc });
      } else {
        const code = node.children.map((child) => (child.type === 'text' ? child.content : '')).join('');
        found.push({ name, code, loc: node.loc });
      }
    }
  };
  visit(children);
  return found;
}
