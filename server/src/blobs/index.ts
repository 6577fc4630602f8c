export { sendBlob } from './blob-reply.ts';
export { type BlobStore, BlobTooLargeError, createFileBlobStore } from './blob-store.ts';
