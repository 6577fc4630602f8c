/// <reference types="miniprogram-api-typings" />
/**
 * WeChat-dialect globals (`wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
 * `getCurrentPages`) for a TypeScript mini program. Add `"types": ["@plaza/api-types/wx"]`
 * to the program's tsconfig.
 */
export type { Dialect } from './dialect.ts';

/** The type of the global `wx` object. */
export type WxApi = WechatMiniprogram.Wx;
