import { isPlainObject } from '../../data/plain-data.ts';
import { arrayBufferToBase64, base64ToArrayBuffer } from '../base-members.ts';
import { type FileStore, normalise, STORE_PREFIX } from './file-store.ts';

type Options = Record<string, unknown>;
type Settle = (name: string, options: Options, work: () => unknown) => unknown;

// The logic realm may lack TextEncoder (the simulator's has only the language's own globals).
const utf8 = {
  encode: (text: string) => Uint8Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0)),
  decode: (bytes: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 8192)
      binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return decodeURIComponent(escape(binary));
  },
};

/** File contents from what a program passes: a string in an encoding, or bytes. */
export function bytesOf(data: unknown, encoding: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const text = String(data ?? '');
  if (encoding === 'base64') return new Uint8Array(base64ToArrayBuffer(text));
  if (encoding === 'hex') return new Uint8Array((text.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
  return utf8.encode(text);
}

function contentsOf(bytes: Uint8Array, encoding: unknown): string | ArrayBuffer {
  if (encoding === undefined || encoding === null || encoding === '') return bytes.slice().buffer;
  if (encoding === 'base64') return arrayBufferToBase64(bytes);
  if (encoding === 'hex') return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return utf8.decode(bytes);
}

/**
 * `wx.getFileSystemManager()`: the dialects' file calls, each as a callback/promise call and a
 * `*Sync` twin that throws, on the app's own files.
 */
export function fileSystemManager(
  store: FileStore,
  settle: Settle,
  persistFailed: (error: unknown) => void,
): Record<string, unknown> {
  const need = (path: unknown) => {
    const file = store.get(String(path));
    if (!file) throw new Error(`no such file or directory, open "${String(path)}"`);
    return file;
  };
  // Each call changes the store at once (so a `*Sync` twin sees it) and may leave the host's
  // persisting of it to wait for.
  type Outcome = { value?: Record<string, unknown>; persisted?: Promise<void> };
  const ops: Record<string, (o: Options) => Outcome> = {
    readFile: (o) => {
      const data = need(o.filePath).data;
      const start = typeof o.position === 'number' ? o.position : 0;
      const end = typeof o.length === 'number' ? start + o.length : data.length;
      return { value: { data: contentsOf(data.slice(start, end), o.encoding) } };
    },
    writeFile: (o) => ({ persisted: store.write(String(o.filePath), bytesOf(o.data, o.encoding)) }),
    appendFile: (o) => {
      const old = need(o.filePath).data;
      const add = bytesOf(o.data, o.encoding);
      const joined = new Uint8Array(old.length + add.length);
      joined.set(old);
      joined.set(add, old.length);
      return { persisted: store.write(String(o.filePath), joined) };
    },
    access: (o) => {
      if (!store.has(String(o.path))) throw new Error(`no such file or directory "${String(o.path)}"`);
      return {};
    },
    unlink: (o) => ({ persisted: store.remove(String(o.filePath)) }),
    mkdir: (o) => {
      store.mkdir(String(o.dirPath));
      return {};
    },
    rmdir: (o) => {
      store.rmdir(String(o.dirPath));
      return {};
    },
    readdir: (o) => {
      if (!store.isDir(String(o.dirPath)))
        throw new Error(`no such file or directory "${String(o.dirPath)}"`);
      return { value: { files: store.list(String(o.dirPath)) } };
    },
    stat: (o) => {
      const path = String(o.path);
      const file = store.get(path);
      if (!file && !store.isDir(path)) throw new Error(`no such file or directory "${path}"`);
      const dir = !file;
      const stats = {
        mode: dir ? 0o40755 : 0o100644,
        size: file?.data.length ?? 0,
        lastAccessedTime: file?.createTime ?? 0,
        lastModifiedTime: file?.createTime ?? 0,
        isDirectory: () => dir,
        isFile: () => !dir,
      };
      return { value: { stats } };
    },
    copyFile: (o) => ({ persisted: store.write(String(o.destPath), need(o.srcPath).data.slice()) }),
    rename: (o) => {
      const data = need(o.oldPath).data;
      const written = store.write(String(o.newPath), data);
      const removed = store.remove(String(o.oldPath));
      return { persisted: Promise.all([written, removed]).then(() => undefined) };
    },
    saveFile: (o) => {
      const data = need(o.tempFilePath).data;
      const target =
        typeof o.filePath === 'string'
          ? o.filePath
          : `${STORE_PREFIX}${normalise(String(o.tempFilePath)).split('/').pop()}`;
      return { value: { savedFilePath: normalise(target) }, persisted: store.write(target, data) };
    },
    getFileInfo: (o) => ({ value: { size: need(o.filePath).data.length } }),
    removeSavedFile: (o) => ({ persisted: store.remove(String(o.filePath)) }),
    getSavedFileList: () => ({
      value: {
        fileList: store.paths(STORE_PREFIX).map((filePath) => ({
          filePath,
          size: store.get(filePath)!.data.length,
          createTime: store.get(filePath)!.createTime,
        })),
      },
    }),
  };
  const manager: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(ops)) {
    manager[name] = (options?: unknown) => {
      const o = isPlainObject(options) ? options : {};
      return settle(name, o, async () => {
        const outcome = run(o);
        await outcome.persisted;
        return outcome.value;
      });
    };
    // Sync twins take positional arguments, as the dialects document them, and return the one value.
    manager[`${name}Sync`] = (...args: unknown[]) => {
      const outcome = run(positional(name, args));
      outcome.persisted?.catch(persistFailed);
      const value = outcome.value;
      return value ? Object.values(value)[0] : undefined;
    };
  }
  return manager;
}

const POSITIONAL: Record<string, string[]> = {
  readFile: ['filePath', 'encoding', 'position', 'length'],
  writeFile: ['filePath', 'data', 'encoding'],
  appendFile: ['filePath', 'data', 'encoding'],
  access: ['path'],
  unlink: ['filePath'],
  mkdir: ['dirPath'],
  rmdir: ['dirPath'],
  readdir: ['dirPath'],
  stat: ['path'],
  copyFile: ['srcPath', 'destPath'],
  rename: ['oldPath', 'newPath'],
  saveFile: ['tempFilePath', 'filePath'],
};

function positional(name: string, args: unknown[]): Options {
  return Object.fromEntries((POSITIONAL[name] ?? []).map((key, i) => [key, args[i]]));
}
