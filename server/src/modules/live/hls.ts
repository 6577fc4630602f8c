/** Pure HLS rules: what a pushed file may be, what a pushed playlist says, what viewers get. */

/** The files ffmpeg's `-f hls` pushes for `…/index.m3u8`: the playlist and `index<N>.ts`. */
const segmentName = /^[A-Za-z0-9_-]{1,64}\.ts$/;
export const playlistName = 'index.m3u8';

export type IngestFile = { kind: 'playlist' } | { kind: 'segment'; name: string } | undefined;

export function ingestFileOf(name: string): IngestFile {
  if (name === playlistName) return { kind: 'playlist' };
  return segmentName.test(name) ? { kind: 'segment', name } : undefined;
}

const packetBytes = 188;
const syncByte = 0x47;

/** MPEG-TS: whole 188-byte packets, each starting with the sync byte. */
export function isTransportStream(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.length % packetBytes !== 0) return false;
  for (let i = 0; i < bytes.length; i += packetBytes) if (bytes[i] !== syncByte) return false;
  return true;
}

/**
 * The segments a pushed media playlist lists, with their durations in ms; undefined when
 * the text is no HLS media playlist.
 */
export function parsePushedPlaylist(text: string): Array<{ name: string; durationMs: number }> | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') return undefined;
  const out: Array<{ name: string; durationMs: number }> = [];
  let duration: number | undefined;
  for (const line of lines.slice(1)) {
    if (line.startsWith('#EXTINF:')) {
      const seconds = Number.parseFloat(line.slice(8));
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 60) return undefined;
      duration = Math.round(seconds * 1000);
    } else if (line && !line.startsWith('#')) {
      if (duration === undefined || !segmentName.test(line)) return undefined;
      out.push({ name: line, durationMs: duration });
      duration = undefined;
    }
  }
  return out;
}

export interface PlayableSegment {
  name: string;
  seq: number;
  durationMs: number;
}

/** Segments a live playlist offers: the newest few, so players stay near the live edge. */
export const liveWindow = 6;

/**
 * The playlist viewers get: while live, a sliding window of the newest segments; once ended,
 * every segment with `#EXT-X-ENDLIST` (a replay). Segment URIs are relative to the playlist.
 */
export function renderPlaylist(segments: PlayableSegment[], ended: boolean): string {
  const shown = ended ? segments : segments.slice(-liveWindow);
  const target = Math.max(1, ...shown.map((s) => Math.ceil(s.durationMs / 1000)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${shown[0]?.seq ?? 0}`,
    ...(ended ? ['#EXT-X-PLAYLIST-TYPE:VOD'] : []),
  ];
  for (const s of shown) lines.push(`#EXTINF:${(s.durationMs / 1000).toFixed(3)},`, `segments/${s.name}`);
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
