import Database from 'better-sqlite3';
import Fastify from 'fastify';

// The baseline for the feed: bare Fastify answering one page straight from the same
// index with a prepared statement — no ranking, no cursor, no anchors, no auth.
const db = new Database(process.env.FEED_DB as string, { readonly: true });
const page = db.prepare(
  "select id, caption, creator_id, video_type, likes, plays, created_at from video where status = 'published' and fresh = 0 order by hot desc, id desc limit 10",
);
const app = Fastify();
app.get('/', async () => ({ items: page.all() }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
