import { readFileSync } from 'node:fs';
import { automatorMessages } from '@plaza/automator';
import { compilerMessages } from '@plaza/compiler';
import { containerErrors } from '@plaza/container';
import { runtimeErrors } from '@plaza/runtime';
import { simulatorMessages } from '@plaza/simulator';
import { describe, expect, it } from 'vitest';
import { cliMessages } from './errors.ts';

const doc = readFileSync(new URL('../../../docs/framework-errors.md', import.meta.url), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([A-Z_]+)` \| \S.* \|$/gm)].map((m) => m[1]!));

describe('docs/framework-errors.md', () => {
  it.each([
    ['compiler', Object.keys(compilerMessages)],
    ['runtime', Object.values(runtimeErrors).map((entry) => entry.code)],
    ['simulator', Object.keys(simulatorMessages)],
    ['container', Object.keys(containerErrors)],
    ['cli', Object.keys(cliMessages)],
    ['automator', Object.keys(automatorMessages)],
  ])('documents every code of the %s catalogue, with its meaning', (_, codes) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('documents no code that no catalogue has', () => {
    const known = new Set([
      ...Object.keys(compilerMessages),
      ...Object.values(runtimeErrors).map((entry) => entry.code),
      ...Object.keys(simulatorMessages),
      ...Object.keys(containerErrors),
      ...Object.keys(cliMessages),
      ...Object.keys(automatorMessages),
    ]);
    expect([...documented].filter((code) => !known.has(code))).toEqual([]);
  });
});
