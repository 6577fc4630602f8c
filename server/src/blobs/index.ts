export type { BlobTables } from './blob.table.ts';
export { sendBlob } from './blob-reply.ts';
export { type BlobStore, BlobTooLargeError, createFileBlobStore } from './blob-store.ts';
export { blobChunkBytes, createDatabaseBlobStore } from './database-blob-store.ts';
export { type ImageType, sniffImage, sniffVideo, type VideoType } from './media-type.ts';
export { blobMigrations } from './migrations/index.ts';
