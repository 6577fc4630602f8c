/**
 * What a file really is, from its first bytes: an upload's declared type or extension
 * is not trusted, so a "video" that is a script or a zip is refused.
 */
export type VideoType = 'video/mp4' | 'video/webm';
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export function sniffVideo(head: Uint8Array): VideoType | undefined {
  // ISO BMFF: a box size, then "ftyp" at offset 4.
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return 'video/mp4';
  // Matroska/WebM: the EBML magic, and the doctype "webm" within the header.
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return ascii(head, 0, Math.min(head.length, 64)).includes('webm') ? 'video/webm' : undefined;
  }
  return undefined;
}

export function sniffImage(head: Uint8Array): ImageType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && ascii(head, 1, 4) === 'PNG' && head[0] === 0x89) return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
