/// <reference types="@douyin-microapp/typings" />
/**
 * Douyin-dialect globals (`tt`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
 * `getCurrentPages`) for a TypeScript mini program. Add `"types": ["@plaza/api-types/tt"]`
 * to the program's tsconfig. The tt and wx entries declare the same globals, so a
 * program uses exactly one of them.
 */
export type { Dialect } from './dialect.ts';
export { PayResultCode } from './payment.ts';

/** The type of the global `tt` object. */
export type TtApi = typeof tt;
