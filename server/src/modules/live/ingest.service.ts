import { createHash, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { liveErrors } from './errors.ts';
import { ingestFileOf, isTransportStream, parsePushedPlaylist, renderPlaylist } from './hls.ts';
import type { LiveContext } from './live-context.ts';
import { findRoom } from './room.repository.ts';
import { findSegment, playableSegments, putSegment, setDurations } from './segment.repository.ts';

/** The HLS a creator's tool pushes, and what viewers' players fetch. */
export interface IngestService {
  /**
   * One file pushed to `…/ingest/<room>/<token>/<file>`: a segment is checked (MPEG-TS, not
   * too large) before anything is stored; the playlist says how long the segments are.
   */
  ingest(roomId: string, token: string, file: string, body: Readable | Buffer): Promise<void>;
  /** The playlist viewers play: a live window, or the whole replay once the room ended. */
  playlist(roomId: string): Promise<{ text: string; ended: boolean }>;
  segment(roomId: string, name: string): Promise<{ sha256: string; contentType: string }>;
}

/** Reads a pushed body, refusing it as soon as it passes `max` bytes. */
async function readAtMost(body: Readable | Buffer, max: number, tooLarge: () => Error): Promise<Buffer> {
  if (Buffer.isBuffer(body)) {
    if (body.length > max) throw tooLarge();
    return body;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** What a room keeps of its ingest token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

function sameToken(hash: string, token: string): boolean {
  const given = Buffer.from(tokenHash(token));
  const stored = Buffer.from(hash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function createIngestService(
  ctx: Pick<LiveContext, 'db' | 'clock' | 'blobs' | 'segmentBytes' | 'playlistBytes' | 'requireRoom'>,
): IngestService {
  const { db, clock, blobs } = ctx;
  return {
    async ingest(roomId, token, file, body) {
      const room = await findRoom(db, roomId);
      // An unknown room and a wrong token are one answer: the URL reveals no room.
      if (!room || !sameToken(room.token_hash, token)) throw liveErrors.INGEST_TOKEN_INVALID();
      if (room.status !== 'live') throw liveErrors.ROOM_ENDED();
      const kind = ingestFileOf(file);
      if (!kind) throw liveErrors.INGEST_FILE_INVALID({ file });
      if (kind.kind === 'playlist') {
        const text = await readAtMost(body, ctx.playlistBytes, () => liveErrors.PLAYLIST_INVALID());
        const listed = parsePushedPlaylist(text.toString('utf8'));
        if (!listed) throw liveErrors.PLAYLIST_INVALID();
        await setDurations(db, roomId, listed, clock.now());
        return;
      }
      const bytes = await readAtMost(body, ctx.segmentBytes, () =>
        liveErrors.SEGMENT_TOO_LARGE({ max_bytes: ctx.segmentBytes }),
      );
      if (!isTransportStream(bytes)) throw liveErrors.SEGMENT_NOT_TS();
      const stored = await blobs.put(bytes);
      await putSegment(db, {
        room_id: roomId,
        name: kind.name,
        blob: stored.sha256,
        size: stored.size,
        created_at: clock.now(),
      });
    },

    async playlist(roomId) {
      const room = await ctx.requireRoom(db, roomId);
      const segments = await playableSegments(db, roomId);
      const ended = room.status === 'ended';
      return {
        ended,
        text: renderPlaylist(
          segments.map((s) => ({ name: s.name, seq: Number(s.seq), durationMs: Number(s.duration_ms) })),
          ended,
        ),
      };
    },

    async segment(roomId, name) {
      const row = await findSegment(db, roomId, name);
      if (!row) throw liveErrors.SEGMENT_NOT_FOUND();
      return { sha256: row.blob, contentType: 'video/mp2t' };
    },
  };
}
