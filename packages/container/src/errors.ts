/** The container's coded errors: what a host page sees when a mini program cannot run. */
export const containerErrors = {
  PLZ_CONTAINER_PACKAGE: (detail: string) => `the package could not be loaded: ${detail}`,
  PLZ_CONTAINER_FRAMES: () =>
    'the container frame code is missing: pass `frames` or load the container bundle',
  PLZ_CONTAINER_STUCK: (ms: number) =>
    `the mini program stopped responding (no heartbeat for ${Math.round(ms)} ms)`,
  PLZ_CONTAINER_CRASHED: (detail: string) => `the mini program crashed: ${detail}`,
  PLZ_CONTAINER_LEFT: () =>
    'the mini program tried to leave its page (a frame navigated away) and was stopped',
  PLZ_CONTAINER_CHROME_VALUE: (field: string, value: string) =>
    `app.json ${field} refused: ${value} is not a colour or a file of the package`,
  PLZ_CONTAINER_CLOSED: () => 'the mini program was closed',
} as const;

export type ContainerErrorCode = keyof typeof containerErrors;

export class ContainerError extends Error {
  readonly code: ContainerErrorCode;

  constructor(code: ContainerErrorCode, ...args: (string | number)[]) {
    const message = (containerErrors[code] as (...a: (string | number)[]) => string)(...args);
    super(message);
    this.name = 'ContainerError';
    this.code = code;
  }
}
