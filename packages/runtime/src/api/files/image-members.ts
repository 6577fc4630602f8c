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
  webm: 'video/webm',
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
  const SCALES = new Set(['16:9', '9:16', '4:3', '3:4', '5:4', '4:5', '1:1']);
  const cropped = async (src: unknown, scale?: string) => {
    const { data } = await host.cropImage({ src: loadable(src), ...(scale ? { scale } : {}) });
    const path = store.tempPath('cropped.png');
    await store.write(path, new Uint8Array(base64ToArrayBuffer(data)));
    return { tempFilePath: path };
  };
  define('cropImage', (o) => {
    const scale = String(o.cropScale ?? '');
    if (!SCALES.has(scale)) throw new Error(`invalid cropScale "${scale}"`);
    return cropped(o.src, scale);
  });
  // Plaza's image editor is the crop sheet, free of any ratio.
  define('editImage', (o) => cropped(o.src));
  define('getVideoInfo', async (o) => {
    const info = await host.videoInfo({ src: loadable(o.src) });
    // The browser tells no frame rate (0, the platforms' unknown); the bit rate is the mean, in kbps.
    const bitrate = info.duration > 0 ? Math.round((info.size * 8) / info.duration / 1000) : 0;
    return { ...info, size: Math.round(info.size / 1024), orientation: 'up', fps: 0, bitrate };
  });
  // Pictures and videos alike go to the user as a file to keep, after the album consent.
  for (const [name, fallback] of [
    ['saveImageToPhotosAlbum', 'image.jpg'],
    ['saveVideoToPhotosAlbum', 'video.mp4'],
  ] as const) {
    define(name, (o) => {
      const path = String(o.filePath ?? '');
      const file = store.get(path);
      if (!file) throw new Error(`invalid filePath "${path}"`);
      return host.saveImage({
        data: arrayBufferToBase64(file.data),
        name: path.split('/').pop() || fallback,
      });
    });
  }
  // The image's menu, as far as a browser goes: the user keeps the picture (after the album consent).
  define('showShareImageMenu', async (o) => {
    const path = String(o.path ?? '');
    const file = store.get(path);
    if (!file) throw new Error(`invalid path "${path}"`);
    await host.showActionSheet({ itemList: ['Save image'] });
    await host.saveImage({
      data: arrayBufferToBase64(file.data),
      name: path.split('/').pop() || 'image.png',
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
  define('chooseVideo', async () => {
    const [file] = await choose('video/*', 1);
    if (!file) throw new Error('cancel');
    // The dimensions and length are the video's own metadata, which the sheet does not decode.
    return { tempFilePath: file.path, size: file.size, duration: 0, width: 0, height: 0 };
  });
  define('chooseMessageFile', async (o) => {
    const kind = typeof o.type === 'string' ? o.type : 'all';
    const extensions = Array.isArray(o.extension)
      ? o.extension.map((e) => `.${String(e).replace(/^\./, '')}`).filter((e) => /^\.[\w-]+$/.test(e))
      : [];
    const accept =
      kind === 'image'
        ? 'image/*'
        : kind === 'video'
          ? 'video/*'
          : kind === 'file' && extensions.length
            ? extensions.join(',')
            : '';
    const files = await choose(accept, o.count ?? 100);
    const time = Math.floor(Date.now() / 1000);
    return {
      tempFiles: files.map((f) => ({
        path: f.path,
        size: f.size,
        name: f.path.split('/').pop() ?? '',
        type: f.type.startsWith('image') ? 'image' : f.type.startsWith('video') ? 'video' : 'file',
        time,
      })),
    };
  });
  define('previewMedia', (o) => {
    const sources = (Array.isArray(o.sources) ? o.sources : []).map((s) =>
      s && typeof s === 'object' ? s : {},
    ) as Options[];
    if (sources.length === 0) throw new Error('sources should not be empty');
    // The host's viewer shows pictures; a video among them is refused rather than shown broken.
    if (sources.some((s) => s.type === 'video')) throw new Error('video preview is not supported');
    const urls = sources.map((s) => loadable(s.url));
    const current = typeof o.current === 'number' && urls[o.current] ? urls[o.current]! : urls[0]!;
    return host.previewImage({ urls, current });
  });
}
