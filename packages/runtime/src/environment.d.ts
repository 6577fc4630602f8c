// The logic layer runs in a Web Worker and in Node: both provide these globals, but the
// package compiles against the bare ES library so that no DOM or Node API slips in.
declare function setTimeout(
  handler: (...args: unknown[]) => void,
  timeout?: number,
  ...args: unknown[]
): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(
  handler: (...args: unknown[]) => void,
  timeout?: number,
  ...args: unknown[]
): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare function atob(data: string): string;
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
declare const performance: { now(): number; readonly timeOrigin: number } | undefined;
