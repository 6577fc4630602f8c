import { describe, expect, it } from 'vitest';
import { formatDataPath, parseDataPath, writePath } from './data-path.ts';
import { RenderBatch } from './render-batch.ts';

describe('data paths', () => {
  it('parses dotted, indexed and nested index keys', () => {
    expect(parseDataPath('list[3].price')).toEqual(['list', 3, 'price']);
    expect(parseDataPath('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parseDataPath('a[0][1]')).toEqual(['a', 0, 1]);
    expect(formatDataPath(parseDataPath('a[0][1].x'))).toBe('a[0][1].x');
  });

  it('creates arrays before an index and refuses prototype keys', () => {
    const data: Record<string, unknown> = {};
    writePath(data, ['grid', 0, 1], 'x');
    expect(data).toEqual({ grid: [[undefined, 'x']] });
    writePath(data, ['__proto__', 'polluted'], true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('RenderBatch', () => {
  function batchOf(data: Record<string, unknown>) {
    const batch = new RenderBatch();
    batch.reset(data);
    const set = (key: string, value: unknown) => {
      writePath(data, parseDataPath(key), value);
      batch.mark(key);
    };
    return { batch, set };
  }

  it('sends only the changed path keys', () => {
    const data: Record<string, unknown> = { list: [{ price: 1 }, { price: 2 }], title: 'a' };
    const { batch, set } = batchOf(data);
    set('list[1].price', 5);
    set('title', 'a');
    expect(batch.flush(data)).toEqual({ 'list[1].price': 5 });
  });

  it('sends nothing for unchanged values', () => {
    const data: Record<string, unknown> = { a: { b: [1, 2] } };
    const { batch, set } = batchOf(data);
    set('a', { b: [1, 2] });
    expect(batch.flush(data)).toEqual({});
  });

  it('sends the whole key when an object is replaced, once per tick', () => {
    const data: Record<string, unknown> = { a: { x: 1, y: 2 } };
    const { batch, set } = batchOf(data);
    set('a.x', 3);
    set('a', { x: 4, y: 2 });
    expect(batch.flush(data)).toEqual({ a: { x: 4, y: 2 } });
  });

  it('notices data mutated in place before setData', () => {
    const list = [1];
    const data: Record<string, unknown> = { list };
    const { batch, set } = batchOf(data);
    list.push(2);
    set('list', list);
    expect(batch.flush(data)).toEqual({ list: [1, 2] });
  });
});
