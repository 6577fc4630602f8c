import type { Selectable } from 'kysely';

/**
 * Blobs kept in the database (the store on PostgreSQL, so every server process reads what
 * any of them wrote). A blob is its content hash and size; its bytes are chunks of at most
 * `blobChunkBytes`, written under the upload's own key before the hash is known.
 */
export interface BlobsTable {
  sha256: string;
  /** The upload whose chunks hold the bytes. */
  upload_key: string;
  size: number;
  created_at: number;
}

export interface BlobChunksTable {
  upload_key: string;
  seq: number;
  bytes: Buffer;
}

export interface BlobTables {
  blobs: BlobsTable;
  blob_chunks: BlobChunksTable;
}

export type BlobRow = Selectable<BlobsTable>;
