import type { SourceLocation } from '../location.ts';

/** A piece of text or attribute value: literal text, or a `{{ }}` expression with its source span. */
export type ValuePart =
  | { type: 'static'; value: string; loc: SourceLocation }
  | { type: 'interpolation'; source: string; loc: SourceLocation; sourceOffset: number };

export interface AttributeNode {
  type: 'attribute';
  name: string;
  /** `undefined` for a bare attribute (`hidden`), which means `true`. */
  value: string | undefined;
  parts: ValuePart[];
  loc: SourceLocation;
  nameLoc: SourceLocation;
  valueLoc: SourceLocation;
}

export interface ElementNode {
  type: 'element';
  tag: string;
  attrs: AttributeNode[];
  children: TemplateNode[];
  loc: SourceLocation;
}

export interface TextNode {
  type: 'text';
  /** The text as written, entities decoded in static parts. */
  content: string;
  parts: ValuePart[];
  loc: SourceLocation;
}

export interface CommentNode {
  type: 'comment';
  content: string;
  loc: SourceLocation;
}

export type TemplateNode = ElementNode | TextNode | CommentNode;

export interface RootNode {
  type: 'root';
  children: TemplateNode[];
  source: string;
  loc: SourceLocation;
}
