/**
 * Notes fanned out to listeners in every server process on one database (the inbox's and
 * live rooms' event streams): NOTIFY/LISTEN on PostgreSQL, polling the notes' rows on SQLite.
 *
 * @example
 * const feed = fanoutFor(config.database, db, { channel: 'plaza_inbox', keyOf: (n) => n.userId, since }, { now, onError });
 */
export {
  type Fanout,
  type FanoutOptions,
  type FanoutSpec,
  fanoutFor,
  pollingFanout,
  postgresFanout,
} from './fanout.ts';
