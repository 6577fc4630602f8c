import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffImage, sniffVideo } from '../../blobs/index.ts';
import { decodeCursor, encodeCursor } from './feed-cursor.ts';
import { explorationEvery, gravityMs, hotScore, interleave } from './ranking.ts';

describe('hot score', () => {
  it('ranks more engagement higher at equal age, and newer higher at equal engagement', () => {
    const t = 1_800_000_000_000;
    expect(hotScore({ plays: 100, completes: 10, likes: 5 }, t)).toBeGreaterThan(
      hotScore({ plays: 1, completes: 0, likes: 0 }, t),
    );
    expect(hotScore({ plays: 5, completes: 0, likes: 0 }, t + 1000)).toBeGreaterThan(
      hotScore({ plays: 5, completes: 0, likes: 0 }, t),
    );
  });
  it('trades ten times the engagement for one gravity period of age', () => {
    const t = 1_800_000_000_000;
    const older = hotScore({ plays: 1000, completes: 0, likes: 0 }, t);
    const newer = hotScore({ plays: 100, completes: 0, likes: 0 }, t + gravityMs);
    expect(Math.abs(older - newer)).toBeLessThan(1e-9);
  });
});

describe('interleave', () => {
  const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}` }));
  it('gives every fourth slot to a fresh video', () => {
    const { page } = interleave(ids('r', 20), ids('f', 20), 12);
    expect(page.map((v) => v.id)).toEqual([
      'r0',
      'r1',
      'r2',
      'f0',
      'r3',
      'r4',
      'r5',
      'f1',
      'r6',
      'r7',
      'r8',
      'f2',
    ]);
  });
  it('never repeats a video and fills from the other list when one runs out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 })),
        fc.array(fc.integer({ min: 0, max: 30 })),
        fc.integer({ min: 1, max: 40 }),
        (a, b, size) => {
          const ranked = [...new Set(a)].map((n) => ({ id: `v${n}` }));
          const fresh = [...new Set(b)].map((n) => ({ id: `v${n}` }));
          const { page } = interleave(ranked, fresh, size);
          const distinct = new Set([...ranked, ...fresh].map((v) => v.id)).size;
          expect(new Set(page.map((v) => v.id)).size).toBe(page.length);
          expect(page.length).toBe(Math.min(size, distinct));
        },
      ),
    );
  });
  it('reserves exploration slots in a full page', () => {
    const { page } = interleave(ids('r', 100), ids('f', 100), 20);
    expect(page.filter((v) => v.id.startsWith('f')).length).toBe(Math.floor(20 / explorationEvery));
  });
});

describe('feed cursor', () => {
  const key = Buffer.alloc(32, 1);
  it('round-trips a position', () => {
    const pos = { s: 'fs_abc' };
    expect(decodeCursor(key, encodeCursor(key, pos))).toEqual(pos);
  });
  it('refuses an edited, re-signed-with-another-key or garbage cursor', () => {
    const cursor = encodeCursor(key, { s: 'x' });
    const [body, mac] = cursor.split('.');
    const edited = `${Buffer.from(JSON.stringify({ s: 'y' })).toString('base64url')}.${mac}`;
    expect(decodeCursor(key, edited)).toBeUndefined();
    expect(decodeCursor(Buffer.alloc(32, 2), cursor)).toBeUndefined();
    expect(decodeCursor(key, 'garbage')).toBeUndefined();
    expect(decodeCursor(key, `${body}.${mac}.x`)).toBeUndefined();
  });
});

describe('media sniffing', () => {
  it('knows MP4, WebM, JPEG, PNG and WebP by their bytes and nothing else', () => {
    expect(sniffVideo(Buffer.from('\0\0\0\x18ftypisom\0\0\0\0', 'latin1'))).toBe('video/mp4');
    expect(
      sniffVideo(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('\x42\x82\x84webm')])),
    ).toBe('video/webm');
    expect(sniffVideo(Buffer.from('<script>alert(1)</script>'))).toBeUndefined();
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe('image/png');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeUndefined();
  });
});
