// Moved to server/test/support/test-platform.ts. This path re-exports it for tests written
// against it before the move; the product build does not compile it (tsconfig.json).
export * from '../test/support/test-platform.ts';
