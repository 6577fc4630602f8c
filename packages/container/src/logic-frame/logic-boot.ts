import type { LogicManifest } from '@plaza/runtime';

/** What the host hands the logic frame: the worker's program and the package's logic. */
export interface LogicFramePayload {
  workerCode: string;
  start: LogicWorkerStart;
}

/** The first message the logic worker receives (ports: protocol, heartbeat). */
export interface LogicWorkerStart {
  manifest: LogicManifest;
  logic: string;
  /** Keep the logic reachable for a test driver (`MountOptions.automation`). */
  automation?: boolean;
}

/**
 * `plaza dev`, host → worker on the protocol port: modules of pages' scripts to swap in. Only
 * the host sends it (the program cannot reach that port's other end).
 */
export interface LogicHotSwap {
  type: typeof HOT_SWAP;
  logic: string;
  pages: string[];
}
export const HOT_SWAP = 'plaza.dev.hot';

/** Heartbeat exchange, on its own port so it never mixes with protocol messages. */
export type Heartbeat = { ping: number } | { pong: number };

/** What the logic frame reports about its worker (on the frame-status port). */
export type FrameStatus = { status: 'uncaught'; message: string } | { status: 'started' };
