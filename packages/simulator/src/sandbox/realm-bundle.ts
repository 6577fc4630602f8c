import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<vm.Script>>();

/**
 * One side of the container (the runtime, or the view layer with its DOM) bundled into a
 * single script for a realm. Built and compiled once per process: a compiled script runs in
 * any number of realms, so later launches skip both bundling and parsing.
 */
export function realmBundle(entry: 'logic-entry.ts' | 'view-entry.ts'): Promise<vm.Script> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = build({
      entryPoints: [fileURLToPath(new URL(`./${entry}`, import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    }).then(
      (result) =>
        new vm.Script(result.outputFiles[0]!.text, {
          filename: `plaza-${entry.replace('-entry.ts', '')}.js`,
        }),
    );
    bundles.set(entry, bundle);
  }
  return bundle;
}
