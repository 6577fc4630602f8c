import { describe, expect, it } from 'vitest';
import { ingestFileOf, isTransportStream, parsePushedPlaylist, renderPlaylist } from './hls.ts';

const packet = (first = 0x47) => {
  const p = new Uint8Array(188);
  p[0] = first;
  return p;
};

describe('HLS rules', () => {
  it('accepts the playlist and plain segment names only', () => {
    expect(ingestFileOf('index.m3u8')).toEqual({ kind: 'playlist' });
    expect(ingestFileOf('index12.ts')).toEqual({ kind: 'segment', name: 'index12.ts' });
    for (const bad of ['../x.ts', 'a.mp4', 'other.m3u8', '.ts', 'a b.ts'])
      expect(ingestFileOf(bad)).toBeUndefined();
  });

  it('knows MPEG-TS by whole packets with sync bytes', () => {
    expect(isTransportStream(Buffer.concat([packet(), packet()]))).toBe(true);
    expect(isTransportStream(new Uint8Array(0))).toBe(false);
    expect(isTransportStream(Buffer.concat([packet(), packet(0x00)]))).toBe(false);
    expect(isTransportStream(packet().slice(0, 187))).toBe(false);
  });

  it("reads ffmpeg's pushed playlist and refuses anything else", () => {
    const pushed =
      '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:3\n#EXTINF:1.000000,\nindex3.ts\n#EXTINF:0.960000,\nindex4.ts\n';
    expect(parsePushedPlaylist(pushed)).toEqual([
      { name: 'index3.ts', durationMs: 1000 },
      { name: 'index4.ts', durationMs: 960 },
    ]);
    expect(parsePushedPlaylist('hello')).toBeUndefined();
    expect(parsePushedPlaylist('#EXTM3U\n#EXTINF:1,\n../../etc/passwd\n')).toBeUndefined();
    expect(parsePushedPlaylist('#EXTM3U\n#EXTINF:-1,\nindex1.ts\n')).toBeUndefined();
  });

  it('serves a sliding window while live and every segment with ENDLIST once ended', () => {
    const segments = Array.from({ length: 9 }, (_, i) => ({
      name: `index${i}.ts`,
      seq: i,
      durationMs: 1000,
    }));
    const live = renderPlaylist(segments, false);
    expect(live).toContain('#EXT-X-MEDIA-SEQUENCE:3');
    expect(live.match(/segments\//g)).toHaveLength(6);
    expect(live).not.toContain('ENDLIST');
    const replay = renderPlaylist(segments, true);
    expect(replay).toContain('#EXT-X-MEDIA-SEQUENCE:0');
    expect(replay.match(/segments\//g)).toHaveLength(9);
    expect(replay.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });
});
