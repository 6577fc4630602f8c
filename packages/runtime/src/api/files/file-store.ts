import { arrayBufferToBase64, base64ToArrayBuffer, USER_DATA_PATH } from '../base-members.ts';
import type { HostCapabilities } from '../host-capabilities.ts';

/** Where temporary files (downloads, chosen images) live: in memory, for this launch only. */
export const TEMP_PREFIX = 'ttfile://temp/';
/** Where `saveFile` puts files: kept by the host, per app and user. */
export const STORE_PREFIX = 'ttfile://store/';

/** The platforms' quota for an app's own files (user data and saved files together), in bytes. */
export const FILE_QUOTA_BYTES = 10 * 1024 * 1024;

export interface StoredFile {
  data: Uint8Array;
  createTime: number;
}

/**
 * The app's files as the logic layer sees them: temporary ones in memory, user-data and saved
 * ones mirrored from the host (which owns the real store and its quota) so the `*Sync` calls
 * can answer at once. Directories are implied by paths, plus those made with `mkdir`.
 */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly dirs = new Set<string>([USER_DATA_PATH]);
  private nextTemp = 1;

  constructor(private readonly host: HostCapabilities) {}

  async load(): Promise<void> {
    const stored = await this.host.loadFiles();
    for (const [path, file] of Object.entries(stored ?? {}))
      this.files.set(path, {
        data: new Uint8Array(base64ToArrayBuffer(file.data)),
        createTime: file.createTime,
      });
  }

  /** A fresh temporary path, keeping the extension of `name`. */
  tempPath(name = ''): string {
    const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
    return `${TEMP_PREFIX}${Date.now().toString(36)}-${this.nextTemp++}${extension}`;
  }

  get(path: string): StoredFile | undefined {
    return this.files.get(normalise(path));
  }

  has(path: string): boolean {
    const p = normalise(path);
    return this.files.has(p) || this.isDir(p);
  }

  isDir(path: string): boolean {
    const p = normalise(path);
    if (this.dirs.has(p)) return true;
    return [...this.files.keys()].some((f) => f.startsWith(`${p}/`));
  }

  list(dir: string): string[] {
    const p = `${normalise(dir)}/`;
    const names = new Set<string>();
    for (const path of [...this.files.keys(), ...this.dirs])
      if (path.startsWith(p)) names.add(path.slice(p.length).split('/')[0]!);
    names.delete('');
    return [...names].sort();
  }

  paths(prefix: string): string[] {
    return [...this.files.keys()].filter((p) => p.startsWith(prefix));
  }

  mkdir(path: string): void {
    this.dirs.add(normalise(path));
  }

  rmdir(path: string): void {
    this.dirs.delete(normalise(path));
  }

  /**
   * Writes a file at once (throwing when the path is not the app's or past the quota); the
   * promise is the host's persisting of it, unless temporary.
   */
  write(path: string, data: Uint8Array): Promise<void> {
    const p = normalise(path);
    if (!writable(p)) throw new Error(`permission denied, open "${path}"`);
    const previous = this.files.get(p);
    if (
      !p.startsWith(TEMP_PREFIX) &&
      this.persistedBytes() - (previous?.data.length ?? 0) + data.length > FILE_QUOTA_BYTES
    )
      throw new Error('the maximum size of the file storage limit is exceeded');
    const file = { data, createTime: previous?.createTime ?? Math.floor(Date.now() / 1000) };
    this.files.set(p, file);
    if (p.startsWith(TEMP_PREFIX)) return Promise.resolve();
    return this.host.writeFile({ path: p, data: arrayBufferToBase64(data), createTime: file.createTime });
  }

  remove(path: string): Promise<void> {
    const p = normalise(path);
    if (!this.files.delete(p)) throw new Error(`no such file or directory "${path}"`);
    if (p.startsWith(TEMP_PREFIX)) return Promise.resolve();
    return this.host.removeFile({ path: p });
  }

  persistedBytes(): number {
    let bytes = 0;
    for (const [path, file] of this.files) if (!path.startsWith(TEMP_PREFIX)) bytes += file.data.length;
    return bytes;
  }
}

/** Only the app's own places: temp, user data, the saved-file store. */
function writable(path: string): boolean {
  return [TEMP_PREFIX, STORE_PREFIX, `${USER_DATA_PATH}/`].some((prefix) => path.startsWith(prefix));
}

/** Resolves `.`/`..` and doubled slashes within the scheme, so no path climbs out of its place. */
export function normalise(path: string): string {
  const match = /^([a-z]+:\/\/[^/]*)(.*)$/.exec(String(path));
  if (!match) return String(path);
  const parts: string[] = [];
  for (const part of match[2]!.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.length ? `${match[1]}/${parts.join('/')}` : match[1]!;
}
