/**
 * The shapes the view consumes from the compiler's render runtime. Type-only imports:
 * nothing of the compiler's build-time code reaches the browser.
 */
export type {
  ElementVNode,
  EventBinding,
  StyleScope,
  TextVNode,
  VNode,
} from '@plaza/compiler/render-runtime';

import type { RenderMemo, StyleScope, VNode } from '@plaza/compiler/render-runtime';

/** What the view reads of one compiled module. */
export interface ViewModuleInfo {
  css?: string;
  styleScope?: StyleScope;
}

/** The compiled templates of a package: the compiler's `ViewRegistry` (see `loadViewBundle`). */
export interface ViewModules {
  module(id: string): ViewModuleInfo | undefined;
  render(
    id: string,
    data: unknown,
    options?: { externalClasses?: Readonly<Record<string, string>>; memo?: RenderMemo },
  ): VNode[];
}
