import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What `plaza login` keeps per server: the bearer session token of the developer. */
export interface SavedLogin {
  token: string;
  email: string;
  savedAt: string;
}

export interface CredentialsFile {
  /** The server the last login was for: `plaza upload` uses it when no `--server` is given. */
  current?: string;
  servers: Record<string, SavedLogin>;
}

/** `$XDG_CONFIG_HOME/plaza/credentials.json`, or `~/.config/plaza/credentials.json`. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'plaza', 'credentials.json');
}

export async function readCredentials(path = credentialsPath()): Promise<CredentialsFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as CredentialsFile;
    return { servers: parsed.servers ?? {}, ...(parsed.current ? { current: parsed.current } : {}) };
  } catch {
    return { servers: {} };
  }
}

/** Saves a login; the file holds a bearer token, so only its owner may read it (0600). */
export async function saveLogin(server: string, login: SavedLogin, path = credentialsPath()): Promise<void> {
  const file = await readCredentials(path);
  file.servers[server] = login;
  file.current = server;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  // An existing file keeps its old mode on write: set it explicitly.
  await chmod(path, 0o600);
}

/** A server URL as the credentials file keys it: origin and path, no trailing slash. */
export function serverKey(url: string): string {
  return url.replace(/\/+$/, '');
}
