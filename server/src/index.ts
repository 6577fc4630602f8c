export { buildApp } from './app.ts';
export { type Config, ConfigError, loadConfig } from './config.ts';
export { createPlatform, type Platform } from './platform.ts';
