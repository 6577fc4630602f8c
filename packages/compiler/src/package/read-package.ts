import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { list } from 'tar';
import { CompilerError } from '../errors.ts';
import { type Manifest, manifestSchema } from './manifest.ts';

export interface LoadedPackage {
  manifest: Manifest;
  /** `logic.js`: the scripts, for the logic runtime. */
  logic: string;
  /** `view.js`: templates, wxs and styles, for the view (see `loadViewBundle`). */
  view: string;
  /** Any file of the package (images, …) by package path. */
  file(path: string): Buffer | undefined;
}

/**
 * Loads a built package from its folder or its `.tgz`, validating the
 * manifest and every file's checksum. Throws a `CompilerError`
 * (`PLZ_PKG_INVALID`, `PLZ_PKG_TAMPERED`) for a broken package.
 *
 * @example
 * const pkg = readPackage('dist/takeout.tgz');
 * pkg.manifest.pages; // ['pages/index/index', …]
 */
export function readPackage(dirOrArchive: string): LoadedPackage {
  let files: Map<string, Buffer>;
  try {
    files = statSync(dirOrArchive).isDirectory() ? readFolder(dirOrArchive) : readArchive(dirOrArchive);
  } catch (error) {
    throw new CompilerError('PLZ_PKG_INVALID', [`cannot read ${dirOrArchive}: ${(error as Error).message}`]);
  }
  const manifestFile = files.get('manifest.json');
  if (!manifestFile) throw new CompilerError('PLZ_PKG_INVALID', ['manifest.json is missing']);
  let raw: unknown;
  try {
    raw = JSON.parse(manifestFile.toString('utf8'));
  } catch (error) {
    throw new CompilerError('PLZ_PKG_INVALID', [`manifest.json: ${(error as Error).message}`]);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CompilerError('PLZ_PKG_INVALID', [`manifest.json: ${issue.path.join('.')}: ${issue.message}`]);
  }
  const manifest = parsed.data;
  for (const [path, sha] of Object.entries(manifest.files)) {
    const content = files.get(path);
    if (!content)
      throw new CompilerError('PLZ_PKG_INVALID', [`${path} is listed in manifest.json but missing`]);
    if (sha256(content) !== sha) throw new CompilerError('PLZ_PKG_TAMPERED', [path]);
  }
  for (const required of ['logic.js', 'view.js']) {
    if (!manifest.files[required]) throw new CompilerError('PLZ_PKG_INVALID', [`${required} is missing`]);
  }
  return {
    manifest,
    logic: files.get('logic.js')!.toString('utf8'),
    view: files.get('view.js')!.toString('utf8'),
    file: (path) => (Object.hasOwn(manifest.files, path) ? files.get(path) : undefined),
  };
}

export function sha256(content: Buffer | string): string {
  // A rebuild hashes the same unchanged assets (the same Buffers) and often the same bundles.
  const known = typeof content === 'string' ? textDigests.get(content) : digests.get(content);
  if (known !== undefined) return known;
  const digest = createHash('sha256').update(content).digest('hex');
  if (typeof content !== 'string') digests.set(content, digest);
  else {
    if (textDigests.size >= TEXT_DIGESTS) textDigests.clear();
    textDigests.set(content, digest);
  }
  return digest;
}

const digests = new WeakMap<Buffer, string>();
/** The last few texts hashed (a package's bundles and manifest). */
const textDigests = new Map<string, string>();
const TEXT_DIGESTS = 16;

function readFolder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(
      full
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
      readFileSync(full),
    );
  }
  return files;
}

function readArchive(file: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  list({
    file,
    sync: true,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') return;
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => files.set(entry.path.replace(/^\.\//, ''), Buffer.concat(chunks)));
    },
  });
  return files;
}
