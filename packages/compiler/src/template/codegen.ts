import type { Code, EventCode, RenderNode } from './ir.ts';
import type { TransformResult } from './transform.ts';
import { WXS_CONSTRUCTOR_HELPER, wxsConstructorReads } from './wxs-constructor.ts';

export interface CodegenOptions {
  /** Module id the code is for (`pages/index/index`), bound to `M` inside it. */
  moduleId: string;
  /** Module id of each `<import>`ed template file, in order. */
  imports: string[];
  /** wxs module name → the wxs file it comes from (package path with extension). */
  wxsFiles: Record<string, string>;
}

/**
 * Prints a transformed template as a JS expression: an object with `render`,
 * `templates`, `imports`, `wxs` and `wxsInline`, bound to its module id `M`.
 * Render functions take `(d, rt)`: data and the render runtime, nothing else.
 */
export function generateModule(result: TransformResult, options: CodegenOptions): string {
  const lines: string[] = [];
  lines.push(`(function (M) {`);
  lines.push(`  return {`);
  lines.push(`    imports: ${JSON.stringify(options.imports)},`);
  lines.push(`    wxs: ${JSON.stringify(options.wxsFiles)},`);
  const inline = result.wxs.filter((module) => module.code !== undefined);
  if (inline.length) {
    lines.push(`    wxsInline: {`);
    for (const module of inline) {
      lines.push(`      ${JSON.stringify(module.name)}: ${wxsFactory(module.code!)},`);
    }
    lines.push(`    },`);
  } else {
    lines.push(`    wxsInline: {},`);
  }
  lines.push(`    templates: {`);
  const sites = { next: 0 };
  for (const [name, body] of result.templates) {
    lines.push(`      ${JSON.stringify(name)}: ${renderFunction(body, '      ', sites)},`);
  }
  lines.push(`    },`);
  lines.push(`    render: ${renderFunction(result.render, '    ', sites)},`);
  lines.push(`  };`);
  lines.push(`})(${JSON.stringify(options.moduleId)})`);
  return lines.join('\n');
}

/**
 * The factory of a wxs/sjs module. The module's code runs in strict mode (no sloppy `this`
 * leading to the global object) inside `with (scope)`, where the loader's scope answers every
 * free name but the language's own built-ins and the module's parameters: `window`,
 * `document`, `setTimeout`, `Image`… read as undefined, as in the dialects' restricted runtime.
 * `'use strict'` sits on the first line so the module's lines keep their numbers.
 */
export function wxsFactory(code: string): string {
  const rewritten = wxsConstructorReads(code);
  const helper = rewritten === code ? '' : ` ${WXS_CONSTRUCTOR_HELPER}`;
  return `function (module, exports, require, getRegExp, getDate, scope) { with (scope) return (function () { 'use strict';${helper}\n${rewritten}\n}).call(undefined); }`;
}

function renderFunction(nodes: RenderNode[], indent: string, sites: { next: number }): string {
  if (nodes.every(isSimple)) {
    return `function (d, rt) {\n${indent}  return [${nodes.map(expression).join(', ')}];\n${indent}}`;
  }
  const printer = new Printer(`${indent}  `, sites);
  // A template that is one keyed loop returns the loop's own array: the view patches only
  // the places a render changed in it.
  if (nodes.length === 1 && keyedLoop(nodes[0]!, 'return ', ';', printer))
    return `function (d, rt) {\n${printer.text()}\n${indent}}`;
  printer.line('const $0 = [];');
  statements(nodes, '$0', printer);
  printer.line('return $0;');
  return `function (d, rt) {\n${printer.text()}\n${indent}}`;
}

class Printer {
  private readonly out: string[] = [];
  private next = 1;
  /** Variables of the loops around what is being printed, outermost first. */
  readonly loops: { item: string; index: string }[] = [];
  /** Counts the module's keyed loops: each is a memo site. */
  constructor(
    private indent: string,
    readonly sites: { next: number },
  ) {}
  /** Prints `body` apart, at the current indent plus one level, and returns its lines. */
  apart(body: () => void): string[] {
    const start = this.out.length;
    this.nested(body);
    return this.out.splice(start);
  }
  lines(lines: string[]): void {
    this.out.push(...lines);
  }
  line(text: string): void {
    this.out.push(this.indent + text);
  }
  block(open: string, body: () => void, close = '}'): void {
    this.line(open);
    this.nested(body);
    this.line(close);
  }
  nested(body: () => void): void {
    const saved = this.indent;
    this.indent += '  ';
    body();
    this.indent = saved;
  }
  temp(): string {
    return `$${this.next++}`;
  }
  text(): string {
    return this.out.join('\n');
  }
}

/** A node that prints as one expression: text, or an element whose children are all simple. */
function isSimple(node: RenderNode): boolean {
  return node.type === 'text' || (node.type === 'element' && node.children.every(isSimple));
}

function expression(node: RenderNode): Code {
  if (node.type === 'text') return `rt.t(${node.value})`;
  if (node.type !== 'element') throw new Error(`not a simple node: ${node.type}`);
  return element(node, `[${node.children.map(expression).join(', ')}]`);
}

function element(node: RenderNode & { type: 'element' }, children: Code): Code {
  const attrs = `{${node.attrs.map(([name, value]) => `${JSON.stringify(name)}: ${value}`).join(', ')}}`;
  const events = `[${node.events.map(event).join(', ')}]`;
  const extra: string[] = [];
  if (node.component) extra.push(`component: ${JSON.stringify(node.component)}`);
  if (node.slot !== undefined) extra.push(`slot: ${node.slot}`);
  if (node.model)
    extra.push(`model: {${node.model.map(([name, path]) => `${JSON.stringify(name)}: ${path}`).join(', ')}}`);
  const tail = extra.length ? `, {${extra.join(', ')}}` : '';
  return `rt.e(${JSON.stringify(node.tag)}, ${attrs}, ${events}, ${children}${tail})`;
}

function event(binding: EventCode): Code {
  return `{name: ${JSON.stringify(binding.name)}, handler: ${binding.handler}, capture: ${binding.capture}, catch: ${binding.catch}, mut: ${binding.mut}}`;
}

function statements(nodes: RenderNode[], target: string, printer: Printer): void {
  for (const node of nodes) statement(node, target, printer);
}

function statement(node: RenderNode, target: string, printer: Printer): void {
  if (isSimple(node)) {
    printer.line(`${target}.push(${expression(node)});`);
    return;
  }
  switch (node.type) {
    case 'element': {
      const children = printer.temp();
      const only = node.children.length === 1 ? node.children[0]! : undefined;
      if (only && keyedLoop(only, `const ${children} = `, ';', printer)) {
        printer.line(`${target}.push(${element(node, children)});`);
        return;
      }
      printer.line(`const ${children} = [];`);
      statements(node.children, children, printer);
      printer.line(`${target}.push(${element(node, children)});`);
      return;
    }
    case 'fragment':
      statements(node.children, target, printer);
      return;
    case 'if':
      node.branches.forEach((branch, i) => {
        const head = branch.test === undefined ? '{' : `if (${branch.test}) {`;
        const open = i === 0 ? head : `} else ${head}`;
        printer.line(open);
        printer.nested(() => statement(branch.node, target, printer));
      });
      printer.line('}');
      return;
    case 'for': {
      if (keyedLoop(node, `${target}.push(...`, ');', printer)) return;
      const items = printer.temp();
      printer.block(`for (const [${node.item}, ${node.index}] of rt.l(${node.list})) {`, () => {
        if (node.key === undefined) {
          printer.loops.push({ item: node.item, index: node.index });
          statement(node.body, target, printer);
          printer.loops.pop();
          return;
        }
        keyedItem(node as RenderNode & { type: 'for'; key: Code }, target, items, printer);
      });
      return;
    }
    case 'template':
      printer.line(`${target}.push(...rt.tpl(M, ${node.is}, ${node.data}));`);
      return;
    case 'include':
      printer.line(`${target}.push(...rt.inc(${JSON.stringify(node.module)}, ${node.scope}, M));`);
      return;
    default:
      return;
  }
}

const DATA_READ = /rt\.m\(d, ("(?:[^"\\]|\\.)*")\)/g;

/** The body of a keyed loop, one item, printed apart: its lines, and the data fields it reads when it reads no more. */
function keyedBody(
  node: RenderNode & { type: 'for'; key: Code },
  items: string,
  printer: Printer,
): { body: string[]; fields: Set<string> | undefined } {
  printer.loops.push({ item: node.item, index: node.index });
  const body = printer.apart(() => {
    printer.line(`const ${items} = [];`);
    statement(node.body, items, printer);
    printer.line(`return rt.key(${items}, ${node.key});`);
  });
  printer.loops.pop();
  const text = body.join('\n');
  const fields = new Set([...text.matchAll(DATA_READ)].map((m) => m[1]!));
  return { body, fields: /\bd\b/.test(text.replace(DATA_READ, '')) ? undefined : fields };
}

/** The body of a keyed loop that reads the whole data (an `<include>`): built afresh each render. */
function keyedItem(
  node: RenderNode & { type: 'for'; key: Code },
  target: string,
  items: string,
  printer: Printer,
): void {
  const { body } = keyedBody(node, items, printer);
  printer.lines(body.slice(0, -1));
  printer.line(`${target}.push(...rt.key(${items}, ${node.key}));`);
}

/**
 * A keyed loop whose body reads the data only as `rt.m(d, "field")` (no whole-data use such as
 * an `<include>`), printed as `prefix rt.loop(…) suffix` with every input an item can depend
 * on: the item, its index, the enclosing loops' variables and those fields, so an item whose
 * inputs are unchanged is neither rebuilt nor re-patched, and a list edited in a few places is
 * rebuilt in those places only. False (nothing printed) for any other node.
 */
function keyedLoop(node: RenderNode, prefix: string, suffix: string, printer: Printer): boolean {
  if (node.type !== 'for' || node.key === undefined) return false;
  const keyed = node as RenderNode & { type: 'for'; key: Code };
  const items = printer.temp();
  const outer = printer.loops.flatMap((loop) => [loop.item, loop.index]);
  const { body, fields } = keyedBody(keyed, items, printer);
  if (!fields) return false;
  // Sites only need to be distinct for reuse: equal inputs are what make reuse correct.
  const outerIndexes = printer.loops.map((loop) => ` + ":" + ${loop.index}`).join('');
  const site = `M + "#${printer.sites.next++}"${outerIndexes}`;
  const shared = [...outer, ...[...fields].map((f) => `rt.m(d, ${f})`)];
  const params = `(${keyed.item}, ${keyed.index})`;
  printer.line(
    `${prefix}rt.loop(${site}, ${keyed.list}, [${shared.join(', ')}], ${params} => ${keyed.key}, ${params} => {`,
  );
  printer.lines(body);
  printer.line(`})${suffix}`);
  return true;
}
