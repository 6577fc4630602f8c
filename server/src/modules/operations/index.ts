/** Operations: what the platform's operator watches and repairs (dead jobs); no tables of its own. */
export { operationsPlugin } from './operations.plugin.ts';
