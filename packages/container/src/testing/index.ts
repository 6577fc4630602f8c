/** Helpers for browser tests of mini programs in the container (Chromium, loopback servers, fixtures). */
export { launchChromium } from './browser.ts';
export {
  ARTIFACTS,
  events,
  frameOf,
  type Harness,
  mountFixture,
  startHarness,
  type TestEvent,
  type TestWindow,
  topFrame,
} from './container-harness.ts';
export { buildPackageFiles, fixtureDir, writeProgram } from './fixture-package.ts';
export { hostPageHtml } from './host-page.ts';
export { serveFiles, startTestServer, type TestServer } from './test-server.ts';
