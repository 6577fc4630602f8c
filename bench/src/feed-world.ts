import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { seeded } from './recommendation/random.ts';

/** The size of the feed bench's world (the serving target). */
export const feedWorld = {
  videos: 100_000,
  users: 100_000,
  creators: 2_000,
  apps: 500,
  categories: 40,
  /** Users with a signed-in session the load spreads over. */
  signedIn: 10_000,
};

const day = 24 * 3600_000;

const videoId = (i: number) => `vid_${String(i).padStart(8, '0')}`;

/**
 * Writes the world straight into the database the server will open: published videos
 * with their recommender rows (creators, merchants and categories, heavy-tailed counts),
 * users with a taste history (features, recent videos, follows), co-visitation pairs,
 * providers' records, and signed-in sessions whose bearer tokens are returned.
 */
export function seedFeedWorld(file: string): { tokens: string[] } {
  const db = new Database(file);
  const now = Date.now();
  const random = seeded(17);
  const w = feedWorld;
  const tokens: string[] = [];
  db.transaction(() => {
    const creator = db.prepare('insert into creator (user_id, display_name, created_at) values (?, ?, ?)');
    for (let c = 0; c < w.creators; c++) creator.run(`c${c}`, `Creator ${c}`, now - 400 * day);
    const video = db.prepare(
      `insert into video (id, creator_id, caption, video_blob, video_type, video_size, cover_blob, cover_type, status, created_at,
         impressions, plays, completes, likes, hot, fresh)
       values (?, ?, ?, ?, 'video/mp4', 1000, ?, 'image/jpeg', 'published', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const item = db.prepare(
      `insert into rec_item (video_id, creator_id, appid, category, poi_id, created_at, impressions, completes, likes, orders, popularity, exploring, removed)
       values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const blob = 'a'.repeat(64);
    const providers = new Map<string, { impressions: number; orders: number }>();
    for (let i = 0; i < w.videos; i++) {
      const created = now - i * 60_000;
      // Heavy-tailed: a few videos and creators hold most impressions.
      const creatorId = `c${Math.floor(w.creators * random() ** 2)}`;
      const appid = random() < 1 / 3 ? `tt_app${Math.floor(w.apps * random() ** 2)}` : null;
      const category = `topic${Math.floor(w.categories * random() ** 1.5)}`;
      const impressions = Math.floor(10 ** (random() * 4));
      const completes = Math.floor(impressions * random() * 0.6);
      const likes = Math.floor(completes * random() * 0.3);
      const orders = appid ? Math.floor(impressions * random() * 0.01) : 0;
      const hot = Math.log10(Math.max(1, impressions + 3 * likes)) + created / (12 * 3600_000);
      video.run(
        videoId(i),
        creatorId,
        `#${category} video ${i}`,
        blob,
        blob,
        created,
        impressions,
        impressions,
        completes,
        likes,
        hot,
        i % 50 === 0 ? 1 : 0,
      );
      const popularity = (completes + 3) / (Math.max(impressions, completes) + 10);
      // New and short of its guaranteed impressions: in the exploration pool.
      const exploring = impressions < 100 && created >= now - 3 * day ? 1 : 0;
      item.run(
        videoId(i),
        creatorId,
        appid,
        category,
        created,
        impressions,
        completes,
        likes,
        orders,
        popularity,
        exploring,
      );
      const key = appid ? `app:${appid}` : `creator:${creatorId}`;
      const p = providers.get(key) ?? { impressions: 0, orders: 0 };
      p.impressions += impressions;
      p.orders += orders;
      providers.set(key, p);
    }
    const provider = db.prepare(
      `insert into rec_provider (key, exposure, exposure_at, impressions, first_at, first_day_impressions, orders, refunds, complaints)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let total = 0;
    for (const [key, p] of providers) {
      total += p.impressions;
      provider.run(
        key,
        p.impressions / 30,
        now,
        p.impressions,
        now - 300 * day,
        100,
        p.orders,
        Math.floor(p.orders * 0.05),
        0,
      );
    }
    provider.run('*', total / 30, now, total, now - 300 * day, 0, 0, 0, 0);
    const covisit = db.prepare(
      'insert or ignore into rec_covisit (item_id, other_id, count) values (?, ?, ?)',
    );
    for (let i = 0; i < w.videos; i++) {
      for (let k = 0; k < 5; k++)
        covisit.run(videoId(i), videoId(Math.floor(w.videos * random() ** 2)), 1 + Math.floor(random() * 20));
    }
    const user = db.prepare(
      'insert into end_user (id, phone, created_at, last_sign_in_at) values (?, ?, ?, ?)',
    );
    const feature = db.prepare(
      'insert or ignore into rec_user_feature (user_id, feature, shows, positives) values (?, ?, ?, ?)',
    );
    const recent = db.prepare(
      'insert or ignore into rec_user_recent (user_id, item_id, at) values (?, ?, ?)',
    );
    const follow = db.prepare('insert or ignore into rec_follow (user_id, creator_id) values (?, ?)');
    const session = db.prepare(
      `insert into auth_session (id, kind, subject_id, token_hash, csrf_token, created_at, expires_at, revoked_at)
       values (?, 'user', ?, ?, 'csrf', ?, ?, null)`,
    );
    for (let u = 0; u < w.users; u++) {
      const id = `usr_b${u}`;
      user.run(id, `+1555${String(u).padStart(7, '0')}`, now - 100 * day, now);
      // A taste history: a few categories, creators and merchants, with shows and positives.
      for (let k = 0; k < 3; k++) {
        const shows = 20 + Math.floor(random() * 200);
        feature.run(
          id,
          `category:topic${Math.floor(w.categories * random() ** 1.5)}`,
          shows,
          Math.floor(shows * random() * 0.5),
        );
        feature.run(
          id,
          `creator:c${Math.floor(w.creators * random() ** 2)}`,
          shows / 4,
          Math.floor((shows / 4) * random()),
        );
      }
      feature.run(id, `app:tt_app${Math.floor(w.apps * random() ** 2)}`, 10, Math.floor(random() * 5));
      for (let k = 0; k < 5; k++)
        recent.run(id, videoId(Math.floor(w.videos * random() ** 2)), now - k * 60_000);
      for (let k = 0; k < 3; k++) follow.run(id, `c${Math.floor(w.creators * random() ** 2)}`);
      if (u < w.signedIn) {
        const token = `pzu_bench${String(u).padStart(6, '0')}`;
        tokens.push(token);
        session.run(`ses_b${u}`, id, createHash('sha256').update(token).digest('hex'), now, now + 30 * day);
      }
    }
  })();
  db.close();
  return { tokens };
}
