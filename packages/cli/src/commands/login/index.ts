import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { credentialsPath, saveLogin, serverKey } from './credentials-file.ts';
import { ask } from './prompt.ts';

export { credentialsPath, readCredentials, serverKey } from './credentials-file.ts';

export interface LoginOptions {
  server?: string;
  email?: string;
  password?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * `plaza login --server <url> [--email … --password …]`: signs the developer in and keeps
 * the session token in the credentials file (0600). Email and password come from the
 * flags, then `PLAZA_EMAIL`/`PLAZA_PASSWORD`, then a prompt when a terminal is attached.
 */
export async function login(options: LoginOptions, io: CommandIo): Promise<number> {
  const env = options.env ?? process.env;
  const server = options.server ?? env.PLAZA_SERVER;
  if (!server)
    throw new CliError('CLI_USAGE', 'plaza login --server <url> [--email <email>] [--password <password>]');
  const interactive = Boolean(process.stdin.isTTY);
  const email = options.email ?? env.PLAZA_EMAIL ?? (interactive ? await ask('Email: ') : undefined);
  const password =
    options.password ?? env.PLAZA_PASSWORD ?? (interactive ? await ask('Password: ', true) : undefined);
  if (!email || !password) {
    throw new CliError(
      'CLI_USAGE',
      'no terminal to ask on: pass --email and --password, or set PLAZA_EMAIL and PLAZA_PASSWORD',
    );
  }
  const base = serverKey(server);
  let res: Response;
  try {
    res = await fetch(`${base}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch (error) {
    throw new CliError('CLI_USAGE', `cannot reach ${base}: ${(error as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!res.ok || !body.token) {
    throw new CliError('CLI_USAGE', `login failed: ${body.error?.message ?? `HTTP ${res.status}`}`);
  }
  const path = credentialsPath(env);
  await saveLogin(base, { token: body.token, email, savedAt: new Date().toISOString() }, path);
  io.stdout(`Logged in to ${base} as ${email}. The session is kept in ${path}.\n`);
  return 0;
}
