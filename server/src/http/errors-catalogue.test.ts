import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../platform.ts';
import { errorRegistry } from '../errors/index.ts';

// Every coded error of every module (all are imported through the composition root)
// must be documented, with its status, in docs/errors.md.
const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Map<string, number>();
for (const match of doc.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm)) {
  documented.set(match[1] as string, Number(match[2]));
}

describe('the error catalogue', () => {
  it('has codes', () => {
    expect(errorRegistry.size).toBeGreaterThan(10);
  });
  it.each([...errorRegistry.entries()])('documents %s with its status', (code, spec) => {
    expect(documented.get(code), `${code} is missing from docs/errors.md`).toBe(spec.status);
  });
  it('documents no code that does not exist', () => {
    const stale = [...documented.keys()].filter((code) => !errorRegistry.has(code));
    expect(stale).toEqual([]);
  });
});
