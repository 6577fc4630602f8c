/**
 * Plaza's typings for mini-program authors. The dialect globals live in the `./tt` and
 * `./wx` entries (they cannot share one program); this entry holds what both share.
 */
export type { Dialect } from './dialect.ts';
export { PayResultCode } from './payment.ts';
