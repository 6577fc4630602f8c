import { arrayBufferToBase64, base64ToArrayBuffer } from '../base-members.ts';
import type { HostCapabilities } from '../host-capabilities.ts';
import type { FileStore } from './file-store.ts';

type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;

const MIME: Record<string, string> = {
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  mp4: 'video/mp4',
};
const mimeOf = (path: string) => MIME[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'image/jpeg';

/**
 * Images through the host's sheets: `previewImage`, `getImageInfo`, `saveImageToPhotosAlbum`,
 * `chooseImage`, `chooseMedia`. The app's own files travel to the host as data URLs.
 */
export function installImageMembers(define: Define, store: FileStore, host: HostCapabilities): void {
  /** A URL the host page can load: network images as they are, the app's files as data URLs. */
  const loadable = (src: unknown): string => {
    const path = String(src ?? '');
    if (/^https?:\/\//.test(path)) return path;
    const file = store.get(path);
    if (!file) throw new Error(`invalid src "${path}"`);
    return `data:${mimeOf(path)};base64,${arrayBufferToBase64(file.data)}`;
  };
  define('previewImage', (o) => {
    const urls = Array.isArray(o.urls) ? o.urls.map(String) : [];
    if (urls.length === 0) throw new Error('urls should not be empty');
    const current = typeof o.current === 'string' && urls.includes(o.current) ? o.current : urls[0]!;
    return host.previewImage({ urls: urls.map(loadable), current: loadable(current) });
  });
  define('getImageInfo', async (o) => {
    const info = await host.getImageInfo({ src: loadable(o.src) });
    return { ...info, path: String(o.src), orientation: 'up' };
  });
  define('compressImage', async (o) => {
    const quality = typeof o.quality === 'number' ? Math.min(100, Math.max(0, o.quality)) : 80;
    const width =
      typeof o.compressedWidth === 'number' && o.compressedWidth > 0 ? o.compressedWidth : undefined;
    const { data } = await host.compressImage({ src: loadable(o.src), quality, ...(width ? { width } : {}) });
    const path = store.tempPath('compressed.jpg');
    await store.write(path, new Uint8Array(base64ToArrayBuffer(data)));
    return { tempFilePath: path };
  });
  define('saveImageToPhotosAlbum', (o) => {
    const path = String(o.filePath ?? '');
    const file = store.get(path);
    if (!file) throw new Error(`invalid filePath "${path}"`);
    return host.saveImage({
      data: arrayBufferToBase64(file.data),
      name: path.split('/').pop() ?? 'image.jpg',
    });
  });
  const choose = async (accept: string, count: unknown) => {
    const n = typeof count === 'number' && count > 0 ? Math.min(9, Math.floor(count)) : 9;
    const chosen = await host.chooseFiles({ accept, count: n });
    return Promise.all(
      chosen.map(async (file) => {
        const path = store.tempPath(file.name);
        const bytes = new Uint8Array(base64ToArrayBuffer(file.data));
        await store.write(path, bytes);
        return { path, size: bytes.length, type: file.type };
      }),
    );
  };
  define('chooseImage', async (o) => {
    const files = await choose('image/*', o.count);
    return {
      tempFilePaths: files.map((f) => f.path),
      tempFiles: files.map(({ path, size }) => ({ path, size })),
    };
  });
  define('chooseMedia', async (o) => {
    const types = Array.isArray(o.mediaType) ? o.mediaType.map(String) : ['image', 'video'];
    const accept = types.map((t) => (t === 'video' ? 'video/*' : 'image/*')).join(',');
    const files = await choose(accept, o.count);
    return {
      type: files.every((f) => f.type.startsWith('video'))
        ? 'video'
        : files.some((f) => f.type.startsWith('video'))
          ? 'mix'
          : 'image',
      tempFiles: files.map((f) => ({
        tempFilePath: f.path,
        size: f.size,
        fileType: f.type.startsWith('video') ? 'video' : 'image',
      })),
    };
  });
}
