import { describe, expect, it } from 'vitest';
import { scanScript } from './scan-usage.ts';

describe('scanning a script for what it uses', () => {
  it('names the APIs of the namespace it calls', () => {
    const facts = scanScript('tt.login({}); tt.request({ url: "x" });', ['tt']);
    expect([...facts.apis].sort()).toEqual(['login', 'request']);
    expect(facts.unreadable).toBeUndefined();
  });

  it('says a script it cannot read is unreadable, rather than that it uses nothing', () => {
    const facts = scanScript('tt.login({ ', ['tt']);
    expect(facts.apis.size).toBe(0);
    expect(facts.unreadable).toMatch(/Unexpected token/);
  });
});
