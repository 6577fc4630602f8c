/**
 * The render tree the transform phase produces and codegen prints: directives
 * are resolved into control flow, expressions into JS code strings.
 */
export type Code = string;

export interface EventCode {
  name: string;
  handler: Code;
  capture: boolean;
  catch: boolean;
  mut: boolean;
}

export type RenderNode =
  | { type: 'text'; value: Code }
  | {
      type: 'element';
      tag: string;
      attrs: [string, Code][];
      events: EventCode[];
      children: RenderNode[];
      component?: string;
      slot?: Code;
      /** Component property or form value → code of the data path it writes (`model:value`). */
      model?: [string, Code][];
    }
  | { type: 'fragment'; children: RenderNode[] }
  | { type: 'if'; branches: { test: Code | undefined; node: RenderNode }[] }
  | { type: 'for'; list: Code; item: string; index: string; key: Code | undefined; body: RenderNode }
  | { type: 'template'; is: Code; data: Code }
  | { type: 'include'; module: string; scope: Code };
