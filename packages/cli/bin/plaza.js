#!/usr/bin/env node
// The CLI is TypeScript run through tsx: register the loader, then hand over to main.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
