export { sendBlob } from './blob-reply.ts';
export { type BlobStore, BlobTooLargeError, createFileBlobStore } from './blob-store.ts';
export { type ImageType, sniffImage, sniffVideo, type VideoType } from './media-type.ts';
