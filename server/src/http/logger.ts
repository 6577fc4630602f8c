// The logger is not the HTTP layer's: it lives in logging/. This path keeps working for
// code written against it before the move.
export { createLogger, type Logger, redactedPaths } from '../logging/logger.ts';
