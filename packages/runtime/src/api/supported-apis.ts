import { IMPLEMENTED_MEMBERS } from './member-registry.ts';

/**
 * Machine-readable list of what Plaza runs, read by the migration report of `plaza check`:
 * a name missing here is an API (or component) a program uses that Plaza lacks.
 * It is the member registry's list: one record, read by the API object, `canIUse` and the matrix.
 */
export const SUPPORTED_APIS: readonly string[] = Object.keys(IMPLEMENTED_MEMBERS);

/** Globals a module sees besides the API object. */
export const SUPPORTED_GLOBALS = [
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
] as const;

/**
 * Built-in components for readers that cannot load the container (the server's review); the
 * container's registry is the truth, and `canIUse` reads that one.
 */
export const SUPPORTED_COMPONENTS = [
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'scroll-view',
  'navigator',
  'block',
  'slot',
] as const;
