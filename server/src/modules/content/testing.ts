/**
 * Media the upload checks accept: a real MP4 or JPEG header is what they read, the rest is
 * payload. For tests that publish videos without the rest of the content module's setup.
 */
export const sampleMedia = {
  mp4: Buffer.concat([Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1'), Buffer.alloc(4000, 3)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]),
};
