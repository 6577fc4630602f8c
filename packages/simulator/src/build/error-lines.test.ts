import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLogic, type LogicOutboundMessage } from '@plaza/runtime';
import { createMemoryHost } from '@plaza/runtime/testing';
import { afterAll, expect, it } from 'vitest';
import { buildProgram } from './load-program.ts';

let work: string | undefined;
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

// The browser container evaluates the compiler's logic.js with `new Function`; the simulator
// runs it as a script. Both must name the author's line, whatever esbuild did to the module.
it('maps a compiled bundle evaluated with new Function back to the author’s file and line', async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-lines-'));
  const files: Record<string, string> = {
    'app.json': '{ "pages": ["pages/index/index"] }',
    'app.js': '// app\n\nApp({});\n',
    'pages/index/index.ts':
      "import { twice } from '../../lib/twice';\n\ntype Query = { n?: string };\n\nPage({\n  onLoad(query: Query) {\n    twice(Number(query.n));\n  },\n});\n",
    'pages/index/index.wxml': '<view />',
    'lib/twice.js':
      '/**\n * Doubles.\n */\nexport function twice(n) {\n\n  if (Number.isNaN(n)) throw new RangeError("not a number");\n  return n * 2;\n}\n',
  };
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(work, file)), { recursive: true });
    await writeFile(join(work, file), content);
  }
  const program = buildProgram(work);
  const sent: LogicOutboundMessage[] = [];
  const logic = createLogic({
    logic: program.logic,
    manifest: program.manifest,
    host: createMemoryHost(),
    send: (m) => sent.push(m),
  });
  await logic.launch({ path: 'pages/index/index', query: { n: 'x' } });
  const error = sent.find((m) => m.type === 'error');
  expect(error).toMatchObject({ message: 'not a number', file: 'lib/twice.js', line: 6 });
});
