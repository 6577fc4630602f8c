import { isPlainObject } from '../../data/plain-data.ts';
import { type CallbackErrorReporter, settle } from '../api-conventions.ts';
import { arrayBufferToBase64, base64ToArrayBuffer } from '../base-members.ts';
import type { HostCapabilities } from '../host-capabilities.ts';
import type { FileStore } from './file-store.ts';
import { fileSystemManager } from './file-system-manager.ts';

type Api = Record<string, unknown>;
type Options = Record<string, unknown>;

const headersOf = (value: unknown): Record<string, string> =>
  isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};

/**
 * Files: `getFileSystemManager`, the saved-file calls, `downloadFile` into a temporary file and
 * `uploadFile` from one, each network call through the host's request allow-list.
 */
export function installFileMembers(
  api: Api,
  store: FileStore,
  host: HostCapabilities,
  report: CallbackErrorReporter,
): void {
  const call = (name: string, options: Options, work: () => unknown) => {
    const done = settle(name, options, (async () => work())(), report);
    done?.catch(() => undefined);
    return done;
  };
  const manager = fileSystemManager(store, call, report);
  api.getFileSystemManager = () => manager;
  for (const name of ['saveFile', 'getSavedFileList', 'removeSavedFile', 'getFileInfo'] as const) {
    api[name] = (options?: Options) => (manager[name] as (o?: Options) => unknown)(options);
  }
  api.getSavedFileInfo = (options?: Options) => {
    const o = isPlainObject(options) ? options : {};
    return call('getSavedFileInfo', o, () => {
      const file = store.get(String(o.filePath));
      if (!file) throw new Error(`no such file or directory "${String(o.filePath)}"`);
      return { size: file.data.length, createTime: file.createTime };
    });
  };
  api.downloadFile = (options?: Options) =>
    transfer('downloadFile', options, async (o, progress) => {
      const url = String(o.url ?? '');
      if (!/^https?:\/\//.test(url)) throw new Error(`invalid url "${url}"`);
      const response = await host.download({
        url,
        header: headersOf(o.header),
        timeout: numberOr(o.timeout),
      });
      const bytes = new Uint8Array(base64ToArrayBuffer(response.data));
      progress(bytes.length);
      const target = typeof o.filePath === 'string' ? o.filePath : store.tempPath(url.split(/[?#]/)[0]);
      await store.write(target, bytes);
      return {
        statusCode: response.statusCode,
        header: response.header,
        ...(typeof o.filePath === 'string' ? { filePath: target } : { tempFilePath: target }),
      };
    });
  api.uploadFile = (options?: Options) =>
    transfer('uploadFile', options, async (o, progress) => {
      const url = String(o.url ?? '');
      if (!/^https?:\/\//.test(url)) throw new Error(`invalid url "${url}"`);
      const file = store.get(String(o.filePath ?? ''));
      if (!file) throw new Error(`no such file or directory "${String(o.filePath)}"`);
      const formData = isPlainObject(o.formData)
        ? Object.fromEntries(Object.entries(o.formData).map(([k, v]) => [k, String(v)]))
        : {};
      const response = await host.upload({
        url,
        header: headersOf(o.header),
        name: String(o.name ?? 'file'),
        fileName: String(o.filePath).split('/').pop() ?? 'file',
        data: arrayBufferToBase64(file.data),
        formData,
        timeout: numberOr(o.timeout),
      });
      progress(file.data.length);
      return { statusCode: response.statusCode, header: response.header, data: response.data };
    });

  /** A DownloadTask/UploadTask: progress listeners and abort, the result through callbacks or the promise. */
  function transfer(
    name: string,
    options: unknown,
    run: (o: Options, progress: (bytes: number) => void) => Promise<unknown>,
  ): unknown {
    const o = isPlainObject(options) ? options : {};
    const listeners = new Set<(p: unknown) => void>();
    let aborted = false;
    let abort: (error: Error) => void = () => undefined;
    const aborting = new Promise<never>((_, reject) => {
      abort = reject;
    });
    aborting.catch(() => undefined);
    const progress = (bytes: number) => {
      for (const listener of listeners) {
        try {
          listener({
            progress: 100,
            totalBytesWritten: bytes,
            totalBytesExpectedToWrite: bytes,
            totalBytesSent: bytes,
            totalBytesExpectedToSend: bytes,
          });
        } catch (error) {
          report(error);
        }
      }
    };
    const work = Promise.race([
      (async () => {
        const result = await run(o, progress);
        if (aborted) throw new Error('abort');
        return result;
      })(),
      aborting,
    ]);
    const done = settle(name, o, work, report);
    done?.catch(() => undefined);
    const task = {
      abort() {
        aborted = true;
        abort(new Error('abort'));
      },
      onProgressUpdate(listener: unknown) {
        if (typeof listener === 'function') listeners.add(listener as (p: unknown) => void);
      },
      offProgressUpdate(listener?: unknown) {
        if (typeof listener === 'function') listeners.delete(listener as never);
        else listeners.clear();
      },
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
    };
    // Without callbacks the dialects hand back a promise; the task's methods ride on it.
    return done ? Object.assign(done, task) : task;
  }
}

const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
