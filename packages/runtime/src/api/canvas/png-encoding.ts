/**
 * PNG bytes from RGBA pixels, synchronously: a 2d canvas node's `toDataURL` is synchronous on
 * the platforms, and the worker's `OffscreenCanvas` only encodes asynchronously. The image data
 * goes in stored (uncompressed) deflate blocks: larger than a browser's PNG, but exact.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Encodes `width`×`height` RGBA pixels (row by row, 4 bytes each) as a PNG file.
 * @example encodePng(2, 1, new Uint8ClampedArray([255,0,0,255, 0,0,255,255]))
 */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>): Uint8Array {
  const rowBytes = width * 4 + 1;
  const raw = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < width * 4; x++) raw[y * rowBytes + 1 + x] = rgba[y * width * 4 + x]!;
  }
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const zlibLength = 2 + raw.length + blocks * 5 + 4;
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
      out.set([8, 6, 0, 0, 0], body + 8); // 8 bits, RGBA, deflate, no filter, no interlace
    } else if (chunk.type === 'IDAT') {
      out[body] = 0x78;
      out[body + 1] = 0x01;
      let p = body + 2;
      let a = 1;
      let b = 0;
      for (let block = 0; block < blocks; block++) {
        const from = block * 65535;
        const size = Math.min(65535, raw.length - from);
        out[p] = block === blocks - 1 ? 1 : 0;
        view.setUint16(p + 1, size, true);
        view.setUint16(p + 3, ~size & 0xffff, true);
        out.set(raw.subarray(from, from + size), p + 5);
        for (let i = from; i < from + size; i++) {
          a = (a + raw[i]!) % 65521;
          b = (b + a) % 65521;
        }
        p += 5 + size;
      }
      view.setUint32(p, ((b << 16) | a) >>> 0);
    }
    view.setUint32(body + chunk.length, crc32(out, at + 4, body + chunk.length));
    at = body + chunk.length + 4;
  }
  return out;
}
