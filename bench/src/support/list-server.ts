import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContainerScript } from '@plaza/container/bundle';
import { buildPackageFiles, serveFiles, startTestServer } from '@plaza/container/testing';
import { writeProgram } from './large-program.ts';
import { containerHostHtml, listProgram, staticListHtml } from './list-page.ts';

/** A loopback server with the list three ways: `/plaza` (the container mounting it), `/static` (with the hand DOM update). */
export async function startListServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const work = await mkdtemp(join(tmpdir(), 'plaza-container-bench-'));
  await writeProgram(join(work, 'list'), listProgram());
  const script = await buildContainerScript();
  const packageFiles = serveFiles('/pkg/list/', buildPackageFiles(join(work, 'list')));
  const pages: Record<string, string> = { '/plaza': containerHostHtml(), '/static': staticListHtml(true) };
  const server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(pages[path]);
      return true;
    }
    if (path === '/container.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return true;
    }
    return packageFiles(req, res) ?? false;
  });
  return {
    origin: server.origin,
    async close() {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
