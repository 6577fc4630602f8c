/**
 * Live delivery across server processes: what one process writes reaches the streams
 * open on every other (PostgreSQL `LISTEN`/`NOTIFY`, polling on SQLite).
 */
export { type LiveFeed, type LiveFeedSource, liveFeedFor } from './live-feed.ts';
