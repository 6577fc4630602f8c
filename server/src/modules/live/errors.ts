import { defineErrors } from '../../errors/index.ts';

/** The live rooms module's coded errors (documented in docs/errors.md). */
export const liveErrors = defineErrors('LIVE', {
  NOT_CREATOR: { status: 403, message: 'Only creators may go live' },
  ALREADY_LIVE: { status: 409, message: 'This creator already has a live room; end it first' },
  ROOM_NOT_FOUND: { status: 404, message: 'No such live room' },
  ROOM_ENDED: { status: 409, message: 'The live room has ended' },
  // The URL is the credential: a wrong one names nothing, as a made-up id would.
  INGEST_TOKEN_INVALID: { status: 404, message: 'No live room has this ingest URL' },
  INGEST_FILE_INVALID: {
    status: 400,
    message: 'Only the playlist (index.m3u8) and MPEG-TS segments named like index12.ts may be pushed',
  },
  SEGMENT_TOO_LARGE: { status: 413, message: 'The segment is larger than allowed; push shorter segments' },
  SEGMENT_NOT_TS: { status: 415, message: 'The segment is not MPEG-TS (188-byte packets starting 0x47)' },
  PLAYLIST_INVALID: { status: 400, message: 'The playlist is not an HLS media playlist' },
  SEGMENT_NOT_FOUND: { status: 404, message: 'No such segment in this room' },
  EVENT_STREAM_ONLY: { status: 406, message: 'The room stream answers only Accept: text/event-stream' },
  STEP_INVALID: { status: 400, message: 'The step names an app that is not pinned in this room' },
});
