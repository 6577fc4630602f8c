import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CompilerError, type LoadedPackage, type Manifest, readPackage } from '@plaza/compiler';
import { Parser, type ReadEntry } from 'tar';
import { versionErrors } from './errors.ts';
import { oversizedPart, type PackageLimits, type PartSizes, partSizes } from './package-limits.ts';

/** An uploaded package that passed every structural check. */
export interface CheckedPackage {
  manifest: Manifest;
  files: Map<string, Buffer>;
  sizes: PartSizes;
}

// Tar headers and padding on top of the files' own bytes: room for a few thousand entries.
const tarOverheadBytes = 4 * 1024 * 1024;

/**
 * Checks an uploaded `.tgz` in memory, before anything is stored: a gzip tar whose entries
 * all stay inside the package, a valid manifest with its app.json, matching checksums, and
 * every part within its size limit. Throws a coded 4xx error naming the first problem.
 *
 * @example
 * const pkg = await checkPackage(body, defaultPackageLimits);
 */
export async function checkPackage(archive: Buffer, limits: PackageLimits): Promise<CheckedPackage> {
  const files = unpack(archive, limits.totalBytes + tarOverheadBytes);
  const manifest = await loadManifest(archive, files);
  const sizes = partSizes(manifest, files);
  const over = oversizedPart(sizes, limits);
  if (over) {
    throw versionErrors.TOO_LARGE(
      over,
      `${over.part} is ${over.bytes} bytes, more than the ${over.limit} bytes allowed`,
    );
  }
  return { manifest, files, sizes };
}

function unpack(archive: Buffer, maxBytes: number): Map<string, Buffer> {
  let tar: Buffer;
  try {
    // The limit stops a decompression bomb before it fills memory.
    tar = gunzipSync(archive, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw versionErrors.TOO_LARGE(
        { part: 'the whole package', limit: maxBytes },
        `the whole package unpacks to more than ${maxBytes} bytes`,
      );
    }
    throw versionErrors.NOT_AN_ARCHIVE();
  }
  const files = new Map<string, Buffer>();
  let problem: Error | undefined;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const path = entryProblem(entry, files);
      if (typeof path !== 'string') {
        problem ??= path;
        entry.resume();
        return;
      }
      if (entry.type === 'Directory') {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => files.set(path, Buffer.concat(chunks)));
    },
  });
  parser.on('error', () => {
    problem ??= versionErrors.NOT_AN_ARCHIVE();
  });
  parser.on('warn', () => {
    problem ??= versionErrors.NOT_AN_ARCHIVE();
  });
  parser.end(tar);
  if (problem) throw problem;
  if (files.size === 0) throw versionErrors.NOT_AN_ARCHIVE();
  return files;
}

/** The entry's package path, or the error that refuses the whole archive. */
function entryProblem(entry: ReadEntry, seen: ReadonlyMap<string, Buffer>): string | Error {
  const raw = entry.path;
  const unsafe = (reason: string) => versionErrors.UNSAFE_ENTRY({ entry: raw, reason });
  if (entry.type === 'SymbolicLink' || entry.type === 'Link')
    return unsafe('links are not allowed in a package');
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'Directory') {
    return unsafe(`entries of type ${entry.type} are not allowed`);
  }
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || raw.includes('\\')) return unsafe('absolute path');
  const path = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return unsafe('path goes outside the package');
  if (path === '' || segments.some((s) => s === '' || s === '.')) {
    return entry.type === 'Directory' ? path : unsafe('malformed path');
  }
  if (seen.has(path)) return unsafe('the same path appears twice');
  return path;
}

async function loadManifest(archive: Buffer, files: ReadonlyMap<string, Buffer>): Promise<Manifest> {
  const manifestFile = files.get('manifest.json');
  if (!manifestFile) throw versionErrors.INVALID_PACKAGE({ problem: 'manifest.json is missing' });
  let raw: { appConfig?: { pages?: unknown }; entryPage?: unknown };
  try {
    raw = JSON.parse(manifestFile.toString('utf8')) as typeof raw;
  } catch {
    throw versionErrors.INVALID_PACKAGE({ problem: 'manifest.json is not JSON' });
  }
  const pages = raw?.appConfig?.pages;
  if (!Array.isArray(pages) || pages.length === 0 || !pages.includes(raw.entryPage)) {
    throw versionErrors.APP_JSON_MISSING({ problem: 'app.json must list the pages, the entry page first' });
  }
  // The compiler's own reader checks the manifest schema and every checksum; it reads
  // from disk, and the entries were checked above, so it sees only safe paths.
  const dir = await mkdtemp(join(tmpdir(), 'plaza-upload-'));
  try {
    const file = join(dir, 'package.tgz');
    await writeFile(file, archive);
    const loaded: LoadedPackage = readPackage(file);
    return loaded.manifest;
  } catch (error) {
    if (error instanceof CompilerError) {
      throw versionErrors.INVALID_PACKAGE({ problem: error.message, compiler_code: error.code });
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
