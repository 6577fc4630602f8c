/**
 * The simulator: a built mini program running headless in Node, with the real runtime and
 * the real view layer, every host capability answered by a scenario. Mini-program tests,
 * `plaza check` and the platform's automated review all use it.
 */
export { buildProgram, loadProgram, type Program } from './build/load-program.ts';
export { snapshotOf } from './dom/snapshot.ts';
export { SimulatorError, type SimulatorErrorCode, simulatorMessages } from './errors.ts';
export { describeError, type ProgramError } from './program-error.ts';
export type { HostCall, HostUi } from './scenario/host.ts';
export type {
  PaymentOutcome,
  RequestHandler,
  Scenario,
  SimulatedRequest,
  SimulatedResponse,
} from './scenario/scenario.ts';
export {
  allPages,
  type LaunchOptions,
  launch,
  type SimulatedPage,
  Simulator,
  type Traffic,
} from './simulator.ts';
