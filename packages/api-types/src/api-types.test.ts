import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PayResultCode } from './index.ts';

// Type-checks a mini program written against one dialect's entry, the way its author's tsconfig would.
function diagnosticsOf(tsconfig: string): string[] {
  const path = fileURLToPath(new URL(`./type-tests/${tsconfig}`, import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error(`cannot read ${path}`);
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('api-types', () => {
  it('types a tt program, including the pay result codes', () => {
    expect(diagnosticsOf('tsconfig.tt.json')).toEqual([]);
  });

  it('types a wx program', () => {
    expect(diagnosticsOf('tsconfig.wx.json')).toEqual([]);
  });

  it('names the cashier outcomes with the codes tt.pay reports', () => {
    expect(PayResultCode).toMatchObject({ Paid: 0, Timeout: 1, Failed: 2, Closed: 3, Cancelled: 4 });
  });
});
