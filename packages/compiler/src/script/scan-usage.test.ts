import { describe, expect, it } from 'vitest';
import { scanScript } from './scan-usage.ts';

describe('scanScript: the platform APIs a script uses', () => {
  it('counts the namespace’s members, not those of a local binding of the same name', () => {
    const code = `
      tt.login({});
      var locale = (function () { var tt = {}; tt._abbr = 'en'; return tt._abbr; })();
      function format(tt) { return tt._week; }
      const inner = () => { class tt {} return tt.name; };
      try { tt.request({}); } catch (tt) { tt.message; }
      function later() { return tt.showToast({}); }
    `;
    expect([...scanScript(code, ['tt']).apis].sort()).toEqual(['login', 'request', 'showToast']);
  });

  it('counts nothing in a module that binds the namespace at its top (a bundled library)', () => {
    const code = "var tt = require('./moment-locale.js');\ntt._abbr = 'en';\nmodule.exports = tt._abbr;";
    expect([...scanScript(code, ['tt']).apis]).toEqual([]);
  });

  it('gives each require with its line and column in the scanned code', () => {
    const code = 'const a = 1;\r\nconst b = require(\'./b.js\');\n  require("../c");';
    expect(scanScript(code, ['wx']).requires).toEqual([
      { request: './b.js', line: 2, column: 18 },
      { request: '../c', line: 3, column: 10 },
    ]);
  });

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
