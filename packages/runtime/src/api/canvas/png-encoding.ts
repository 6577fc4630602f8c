/**
 * PNG bytes from RGBA pixels, synchronously: a 2d canvas node's `toDataURL` is synchronous on
 * the platforms, and the worker's `OffscreenCanvas` only encodes asynchronously. Rows are
 * filtered with Sub and deflated with fixed Huffman codes and runs (distance 1): flat areas,
 * what QR codes, charts and blank canvases are made of, shrink to a few bytes per row.
 */

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, start: number, end: number): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const table = crcTable;
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflate stream (RFC 1951) of one fixed-Huffman block. */
function deflate(data: Uint8Array): Uint8Array {
  // Length codes 257…285: the extra bits each takes, and the length it starts at.
  const extras = Array.from({ length: 29 }, (_, i) => (i < 8 || i === 28 ? 0 : (i >> 2) - 1));
  const bases = extras.map((_, i) => (i === 28 ? 258 : extras.slice(0, i).reduce((n, e) => n + (1 << e), 3)));
  const out = new Uint8Array(Math.ceil(data.length * 1.2) + 64);
  let at = 0;
  let bits = 0;
  let count = 0;
  const put = (value: number, length: number) => {
    bits |= value << count;
    count += length;
    while (count >= 8) {
      out[at++] = bits & 0xff;
      bits >>>= 8;
      count -= 8;
    }
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((value >> i) & 1) << (length - 1 - i);
    put(reversed, length);
  };
  const symbol = (s: number) => {
    if (s < 144) code(0x30 + s, 8);
    else if (s < 256) code(0x190 + s - 144, 9);
    else if (s < 280) code(s - 256, 7);
    else code(0xc0 + s - 280, 8);
  };
  put(1, 1); // the last block
  put(1, 2); // fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    let run = 0;
    if (i > 0) {
      const previous = data[i - 1];
      while (run < 258 && i + run < data.length && data[i + run] === previous) run++;
    }
    if (run >= 3) {
      let index = bases.length - 1;
      while (bases[index]! > run) index--;
      symbol(257 + index);
      put(run - bases[index]!, extras[index]!);
      code(0, 5); // distance 1
      i += run;
    } else {
      symbol(data[i]!);
      i++;
    }
  }
  symbol(256);
  if (count > 0) out[at++] = bits & 0xff;
  return out.subarray(0, at);
}

/**
 * Encodes `width`×`height` RGBA pixels (row by row, 4 bytes each) as a PNG file.
 * @example encodePng(2, 1, new Uint8ClampedArray([255,0,0,255, 0,0,255,255]))
 */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>): Uint8Array {
  const rowBytes = width * 4 + 1;
  const raw = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    const source = y * width * 4;
    raw[row] = 1; // filter: Sub, each byte less the one of the pixel to its left
    for (let x = 0; x < width * 4; x++)
      raw[row + 1 + x] = (rgba[source + x]! - (x >= 4 ? rgba[source + x - 4]! : 0)) & 0xff;
  }
  let a = 1;
  let b = 0;
  // Adler-32, reduced every 5552 bytes: the most that cannot overflow before the modulo.
  for (let start = 0; start < raw.length; start += 5552) {
    const end = Math.min(raw.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += raw[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  const compressed = deflate(raw);
  const zlibLength = 2 + compressed.length + 4;
  const chunks = [
    { type: 'IHDR', length: 13 },
    { type: 'IDAT', length: zlibLength },
    { type: 'IEND', length: 0 },
  ];
  const out = new Uint8Array(8 + chunks.reduce((n, c) => n + 12 + c.length, 0));
  const view = new DataView(out.buffer);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  for (const chunk of chunks) {
    view.setUint32(at, chunk.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = chunk.type.charCodeAt(i);
    const body = at + 8;
    if (chunk.type === 'IHDR') {
      view.setUint32(body, width);
      view.setUint32(body + 4, height);
      out.set([8, 6, 0, 0, 0], body + 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
    } else if (chunk.type === 'IDAT') {
      out[body] = 0x78;
      out[body + 1] = 0x01;
      out.set(compressed, body + 2);
      view.setUint32(body + 2 + compressed.length, ((b << 16) | a) >>> 0);
    }
    view.setUint32(body + chunk.length, crc32(out, at + 4, body + chunk.length));
    at = body + chunk.length + 4;
  }
  return out;
}

declare function btoa(data: string): string;

/** Base64 of bytes, through the platform's `btoa` in slices (a data URL of a big canvas is megabytes). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
