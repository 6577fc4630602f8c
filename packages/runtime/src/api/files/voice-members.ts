import { arrayBufferToBase64 } from '../base-members.ts';
import type { HostCapabilities } from '../host-capabilities.ts';
import type { FileStore } from './file-store.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;
type Define = (name: string, run: (o: Options) => unknown) => void;
/** The inner audio context a voice plays on. */
export type InnerAudio = Record<string, unknown> & {
  src: string;
  play(): void;
  pause(): void;
  stop(): void;
  destroy(): void;
};

/** The MIME type of a buffer by its first bytes, for a data URL the view and the host can load. */
function sniff(bytes: Uint8Array): string {
  const at = (offset: number, text: string) =>
    [...text].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
  if (bytes[0] === 0x89 && at(1, 'PNG')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (at(0, 'GIF8')) return 'image/gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp';
  if (at(0, 'RIFF') && at(8, 'WAVE')) return 'audio/wav';
  if (at(0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (at(4, 'ftyp')) return 'video/mp4';
  return 'application/octet-stream';
}

/** The documents `wx.openDocument` opens, by the dialects' `fileType`: none the browser would run. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const bytesOf = (buffer: unknown): Uint8Array | undefined =>
  buffer instanceof ArrayBuffer
    ? new Uint8Array(buffer)
    : ArrayBuffer.isView(buffer)
      ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : undefined;

/**
 * Media of the app's own files: the legacy voice calls (`playVoice`, `pauseVoice`, `stopVoice`)
 * on an inner audio context, `createBufferURL` (a `data:` URL, which the view frames and the host
 * page can load, unlike a blob URL of the worker's origin), `saveFileToDisk` through the host's
 * download, and `setInnerAudioOption`.
 */
export function installVoiceMembers(
  api: Api,
  define: Define,
  store: FileStore,
  host: HostCapabilities,
  openAudio: () => InnerAudio,
): void {
  api.createBufferURL = (buffer: unknown) => {
    const bytes = bytesOf(buffer);
    if (!bytes) throw new TypeError('createBufferURL: buffer should be an ArrayBuffer or a typed array');
    return `data:${sniff(bytes)};base64,${arrayBufferToBase64(bytes)}`;
  };
  // A data URL holds nothing to release.
  api.revokeBufferURL = () => undefined;

  define('openDocument', (o) => {
    const path = String(o.filePath ?? '');
    const file = store.get(path);
    if (!file) throw new Error(`invalid filePath "${path}"`);
    const kind = (
      typeof o.fileType === 'string' ? o.fileType : (/\.(\w+)$/.exec(path)?.[1] ?? '')
    ).toLowerCase();
    const type = DOCUMENT_TYPES[kind];
    if (!type) throw new Error(`fileType "${kind}" is not supported`);
    return host.openDocument({
      data: arrayBufferToBase64(file.data),
      type,
      name: path.split('/').pop() || `document.${kind}`,
    });
  });
  define('saveFileToDisk', (o) => {
    const path = String(o.filePath ?? '');
    const file = store.get(path);
    if (!file) throw new Error(`invalid filePath "${path}"`);
    return host.saveToDisk({ data: arrayBufferToBase64(file.data), name: path.split('/').pop() || 'file' });
  });

  // A browser plays the app's audio mixed with others' and has no mute switch to obey: the
  // options are accepted, as a platform accepts those its device does not have.
  define('setInnerAudioOption', (o) => {
    for (const key of ['mixWithOther', 'obeyMuteSwitch', 'speakerOn'] as const)
      if (key in o && typeof o[key] !== 'boolean') throw new Error(`invalid ${key}`);
  });

  // One voice at a time, as on the platforms: playing another ends the one before.
  let voice: { path: string; audio: InnerAudio; finish: (ok: boolean) => void } | undefined;
  define('playVoice', (o) => {
    const path = String(o.filePath ?? '');
    if (voice && voice.path === path) {
      voice.audio.play();
      return undefined;
    }
    const file = store.get(path);
    if (!file) throw new Error(`invalid filePath "${path}"`);
    voice?.finish(false);
    const audio = openAudio();
    return new Promise<void>((resolve, reject) => {
      const current = {
        path,
        audio,
        finish: (ok: boolean) => {
          if (voice === current) voice = undefined;
          audio.destroy();
          if (ok) resolve();
          else reject(new Error('interrupted'));
        },
      };
      voice = current;
      (audio.onEnded as (l: () => void) => void)(() => current.finish(true));
      (audio.onStop as (l: () => void) => void)(() => current.finish(true));
      (audio.onError as (l: (e: { errMsg: string }) => void) => void)((e) => {
        if (voice === current) voice = undefined;
        audio.destroy();
        reject(new Error(e.errMsg));
      });
      audio.src = `data:${sniff(file.data)};base64,${arrayBufferToBase64(file.data)}`;
      audio.play();
    });
  });
  define('pauseVoice', () => voice?.audio.pause());
  define('stopVoice', () => voice?.audio.stop());
}
