import { describe, expect, it } from 'vitest';
import { parseDataPath, replacePath } from './data-path.ts';

describe('replacePath', () => {
  it('copies what lies on the path and keeps the identity of everything else', () => {
    const rows = [{ t: 'a' }, { t: 'b' }];
    const user = { name: 'x' };
    const data: Record<string, unknown> = { rows, user };
    replacePath(data, parseDataPath('rows[1].t'), 'B');
    const next = data.rows as { t: string }[];
    expect(next).not.toBe(rows);
    expect(next[0]).toBe(rows[0]);
    expect(next[1]).toEqual({ t: 'B' });
    expect(rows[1]!.t).toBe('b');
    expect(data.user).toBe(user);
  });

  it('creates missing containers (arrays before an index) and refuses prototype keys', () => {
    const data: Record<string, unknown> = {};
    replacePath(data, parseDataPath('a.list[2].n'), 1);
    expect(data).toEqual({ a: { list: [undefined, undefined, { n: 1 }] } });
    replacePath(data, ['__proto__', 'polluted'], true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
