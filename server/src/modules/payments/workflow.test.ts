import { describe, expect, it } from 'vitest';
import { runSteps } from './workflow.ts';

describe('runSteps', () => {
  it('compensates the finished steps newest first when a later step fails, and rethrows', async () => {
    const log: string[] = [];
    const step = (name: string, fail = false) => ({
      name,
      run: async () => {
        if (fail) throw new Error(`${name} broke`);
        log.push(`run ${name}`);
      },
      compensate: async () => {
        log.push(`undo ${name}`);
      },
    });
    await expect(runSteps([step('charge'), step('hold'), step('record', true)], {})).rejects.toThrow(
      'record broke',
    );
    expect(log).toEqual(['run charge', 'run hold', 'undo hold', 'undo charge']);
  });

  it('compensates nothing when every step succeeds', async () => {
    const log: string[] = [];
    await runSteps(
      [{ name: 'a', run: async () => void log.push('a'), compensate: async () => void log.push('x') }],
      {},
    );
    expect(log).toEqual(['a']);
  });
});
