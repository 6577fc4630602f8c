import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, launchChromium } from '@plaza/container/testing';
import type { Browser } from 'playwright-core';
import { type DevServer, startDevServer } from '../commands/dev/index.ts';

export interface DevFixture {
  /** A copy of the fixture program, free to edit. */
  dir: string;
  server: DevServer;
  browser: Browser;
  /** What the dev server printed. */
  out: string[];
  close(): Promise<void>;
}

/** `plaza dev` on a copy of a container test fixture (`shop`), with Chromium to open it in. */
export async function devFixture(name: string): Promise<DevFixture> {
  const dir = mkdtempSync(join(tmpdir(), `plaza-dev-${name}-`));
  cpSync(fixtureDir(name), dir, { recursive: true });
  const out: string[] = [];
  const server = await startDevServer(dir, {
    io: { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
    port: 0,
  });
  const browser = await launchChromium();
  return {
    dir,
    server,
    browser,
    out,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
