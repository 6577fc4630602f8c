/** The demo `npm start` brings up: seeded once through the platform's API, with its merchant server. */

export { demoAccounts, demoAnchorPath, demoAppName } from './demo-accounts.ts';
export { demoHistoryDays, seedDemoHistory } from './demo-history.ts';
export { type DemoMarker, readDemoMarker } from './demo-marker.ts';
export { demoClips, ffmpegAvailable, renderClip } from './demo-videos.ts';
export { DemoError, demoErrors } from './errors.ts';
export { type PlatformClient, platformClient } from './platform-client.ts';
export { signInUser } from './seed-demo.ts';
export { type Demo, type StartDemoOptions, startDemo } from './start-demo.ts';
export { buildTakeout } from './takeout-package.ts';
