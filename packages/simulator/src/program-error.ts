/** A runtime error of the mini program, as the logic layer reported it. */
export interface ProgramError {
  /** Where it happened: loading a module, a lifecycle, an event handler, a timer, an API callback. */
  source: string;
  message: string;
  /** Package-relative file of the program (`pages/shop/shop.js`), when known. */
  file?: string;
  line?: number;
  column?: number;
  stack?: string;
}

/** `pages/shop/shop.js:12:5: message (in onLoad)`: how errors read in test failures and reports. */
export function describeError(error: ProgramError): string {
  const where = error.file
    ? `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}: `
    : '';
  return `${where}${error.message} (${error.source})`;
}
