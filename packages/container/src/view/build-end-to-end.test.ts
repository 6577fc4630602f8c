import { fileURLToPath } from 'node:url';
import { build } from '@plaza/compiler';
import { loadViewBundle } from '@plaza/compiler/render-runtime';
import type { LogicManifest } from '@plaza/runtime';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mountProgram } from './testing/mount-program.ts';

const fixture = fileURLToPath(new URL('../../../compiler/test-fixtures/wx-todo', import.meta.url));

describe('a built package', () => {
  it('runs the compiler output of a WeChat program through the runtime and the view', async () => {
    const result = await build(fixture);
    expect(result.errors).toEqual([]);
    const text = (name: string) => String(result.files!.get(name));
    const window = new Window({ width: 375, height: 800 });
    const document = window.document as unknown as Document;
    const p = mountProgram({
      document,
      logicSource: text('logic.js'),
      viewModules: loadViewBundle(text('view.js')),
      manifest: result.manifest as unknown as LogicManifest,
    });
    await p.logic.launch();
    await p.settle();
    expect(p.root.textContent).toContain('1 left');
    expect(p.root.textContent).toContain('1. Write tests');
    // The item's catchtap triggers `toggle`; the page's bind:toggle stores the todos.
    (p.root.querySelector('todo-item > div') as HTMLElement).click();
    await p.settle();
    expect(p.host.calls.some((c) => c.method === 'setStorage' && c.args[0] === 'todos')).toBe(true);
    const input = p.root.querySelector('input') as HTMLInputElement;
    input.value = 'Ship it';
    input.dispatchEvent(new (window.Event as unknown as typeof Event)('input'));
    await p.settle();
    expect((p.logic.getCurrentPages()[0] as { data: { draft: string } }).data.draft).toBe('Ship it');
  });
});
