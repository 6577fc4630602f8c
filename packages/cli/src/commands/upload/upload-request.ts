import { open } from 'node:fs/promises';

/** How the upload authenticates and where it goes. */
export interface UploadTarget {
  server: string;
  appid: string;
  token: string;
}

const chunkBytes = 64 * 1024;

/**
 * Streams the archive to `POST /api/apps/:appid/versions`, reporting bytes as they are
 * handed to the connection, so the progress bar moves with the upload, not after it.
 */
export async function postArchive(
  target: UploadTarget,
  archive: string,
  meta: { version: string; description: string },
  onProgress: (sent: number) => void,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const file = await open(archive, 'r');
  const { size } = await file.stat();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const buffer = Buffer.alloc(chunkBytes);
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, sent);
      if (bytesRead === 0) {
        controller.close();
        await file.close();
        return;
      }
      sent += bytesRead;
      controller.enqueue(buffer.subarray(0, bytesRead));
      onProgress(sent);
    },
    async cancel() {
      await file.close();
    },
  });
  const query = new URLSearchParams({ version: meta.version, description: meta.description });
  try {
    const res = await fetch(
      `${target.server}/api/apps/${encodeURIComponent(target.appid)}/versions?${query}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': 'application/gzip',
          'content-length': String(size),
        },
        body,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' },
    );
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  } finally {
    await file.close().catch(() => {});
  }
}

/** A JSON call to the server with the same bearer token. */
export async function callServer(
  target: UploadTarget,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${target.server}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${target.token}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}
