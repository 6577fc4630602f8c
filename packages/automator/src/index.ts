/**
 * `miniprogram-automator`'s protocol for a Plaza program: `plaza dev --auto-port` serves it
 * over Chromium (the container) or, headless, over the simulator.
 */
export {
  type AutomatorServer,
  type AutomatorServerOptions,
  startAutomatorServer,
} from './automator-server.ts';
export { type BrowserDriverOptions, browserDriver } from './browser-driver.ts';
export type { AutomatorDriver } from './driver.ts';
export { AutomatorError, type AutomatorErrorCode, automatorMessages } from './errors.ts';
export { METHOD_PARAMS, type MethodName } from './protocol.ts';
export { type DriverName, type ServeAutomatorOptions, serveAutomator } from './serve-automator.ts';
export { type SimulatorDriverOptions, simulatorDriver } from './simulator-driver.ts';
