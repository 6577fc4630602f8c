import { spawn } from 'node:child_process';
import type { Platform } from '../../platform.ts';

/** `count` MPEG-TS packets: the smallest bytes ingest accepts as a segment. */
export function tsBytes(count = 4, fill = 1): Buffer {
  const bytes = Buffer.alloc(188 * count, fill);
  for (let i = 0; i < bytes.length; i += 188) bytes[i] = 0x47;
  return bytes;
}

/** An HLS playlist as ffmpeg pushes it, listing `names` of one second each. */
export function pushedPlaylist(names: string[], first = 0): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:1', `#EXT-X-MEDIA-SEQUENCE:${first}`];
  for (const n of names) lines.push('#EXTINF:1.000000,', n);
  return `${lines.join('\n')}\n`;
}

/** Pushes one file to a room's ingest path as a stream tool would (no content type). */
export async function push(platform: Platform, ingestPath: string, file: string, body: Buffer | string) {
  const res = await platform.app.inject({
    method: 'PUT',
    url: ingestPath.replace(/index\.m3u8$/, file),
    payload: typeof body === 'string' ? Buffer.from(body) : body,
  });
  return {
    status: res.statusCode,
    code: res.body ? (res.json().error?.code as string | undefined) : undefined,
  };
}

/**
 * Runs ffmpeg pushing `seconds` of a generated test picture to an ingest URL, as a creator's
 * tool would; resolves with its exit code and what it printed.
 */
export function ffmpegPush(
  ingestUrl: string,
  seconds: number,
): Promise<{ code: number | null; log: string }> {
  const child = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'warning', '-f', 'lavfi'],
      ...['-i', `testsrc=size=320x240:rate=25:duration=${seconds}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p'],
      ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '3', '-method', 'PUT', ingestUrl],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (c: Buffer) => {
    log += c.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, log })));
}
