import { build } from '@plaza/compiler';

// One build in a fresh process, as `plaza build` runs it: no compiled file is cached yet.
// Prints the build's own time (module loading excluded) as JSON.
const dir = process.argv[2];
if (!dir) throw new Error('usage: build-once.ts <program dir>');
const started = performance.now();
const result = build(dir);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, errors: result.errors.map(String) })}\n`);
