import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build as compile } from '@plaza/compiler';
import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { formatDiagnostic } from '../../report/compiler-diagnostic.ts';
import { credentialsPath, readCredentials, serverKey } from '../login/credentials-file.ts';
import { progressBar } from './progress-bar.ts';
import { callServer, postArchive, type UploadTarget } from './upload-request.ts';

export interface UploadOptions {
  version?: string;
  desc?: string;
  appid?: string;
  server?: string;
  submit?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (the bar redraws in place); defaults to process.stderr. */
  terminal?: boolean;
}

type Reply = { error?: { code?: string; message?: string; details?: unknown } };

function failure(what: string, res: { status: number; body: Record<string, unknown> }): CliError {
  const error = (res.body as Reply).error;
  const details = error?.details === undefined ? '' : ` ${JSON.stringify(error.details)}`;
  return new CliError(
    'CLI_USAGE',
    `${what} failed (${error?.code ?? `HTTP ${res.status}`}): ${error?.message ?? ''}${details}`,
  );
}

function projectAppid(root: string): string | undefined {
  try {
    const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { appid?: unknown };
    return typeof config.appid === 'string' ? config.appid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who uploads: in CI the app itself (`PLAZA_APPID` + `PLAZA_APP_SECRET` → client token),
 * otherwise the developer signed in with `plaza login`.
 */
async function resolveTarget(
  root: string,
  options: UploadOptions,
  env: NodeJS.ProcessEnv,
): Promise<UploadTarget> {
  const saved = await readCredentials(credentialsPath(env));
  const server = serverKey(options.server ?? env.PLAZA_SERVER ?? saved.current ?? '');
  if (!server) throw new CliError('CLI_USAGE', 'no server: pass --server <url> or run plaza login first');
  if (env.PLAZA_APPID && env.PLAZA_APP_SECRET) {
    const res = await fetch(`${server}/api/oauth/client_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        appid: env.PLAZA_APPID,
        secret: env.PLAZA_APP_SECRET,
        grant_type: 'client_credential',
      }),
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok || typeof body.access_token !== 'string')
      throw failure('getting a client token', { status: res.status, body });
    return { server, appid: env.PLAZA_APPID, token: body.access_token };
  }
  const login = saved.servers[server];
  if (!login)
    throw new CliError('CLI_USAGE', `not logged in to ${server}: run plaza login --server ${server}`);
  const appid = options.appid ?? projectAppid(root);
  if (!appid) throw new CliError('CLI_USAGE', 'no appid: pass --appid or set appid in project.config.json');
  return { server, appid, token: login.token };
}

/**
 * `plaza upload <dir> --version 1.2.0 --desc "…" [--appid …] [--server …] [--submit]`:
 * builds the program, uploads the package with a progress bar, prints the version id and
 * the next step; `--submit` sends it to review at once.
 */
export async function upload(dir: string, options: UploadOptions, io: CommandIo): Promise<number> {
  const env = options.env ?? process.env;
  if (!options.version)
    throw new CliError('CLI_USAGE', 'plaza upload <dir> --version <x.y.z> [--desc <text>] [--submit]');
  const root = resolve(io.cwd, dir);
  const target = await resolveTarget(root, options, env);

  const built = compile(root, { outDir: join(root, '.plaza', 'upload') });
  for (const error of built.errors) io.stderr(formatDiagnostic(error, built.root ?? root, io.cwd));
  if (!built.manifest || built.errors.length > 0 || !built.archive) {
    io.stderr('\nUpload stopped: the program does not build.\n');
    return 1;
  }

  const { size } = await stat(built.archive);
  const bar = progressBar(size, io.stderr, options.terminal ?? Boolean(process.stderr.isTTY));
  const res = await postArchive(
    target,
    built.archive,
    { version: options.version, description: options.desc ?? '' },
    (sent) => bar.update(sent),
  );
  bar.done();
  if (res.status !== 201) throw failure('upload', res);
  const version = (res.body as { version: { id: string; version: string } }).version;
  io.stdout(`Uploaded ${target.appid} ${version.version} as version ${version.id}.\n`);

  if (!options.submit) {
    io.stdout(
      `Next: submit it for review (POST ${target.server}/api/apps/${target.appid}/versions/${version.id}/submit), or upload again with --submit.\n`,
    );
    return 0;
  }
  const submitted = await callServer(
    target,
    'POST',
    `/api/apps/${target.appid}/versions/${version.id}/submit`,
  );
  if (submitted.status !== 202) throw failure('submit', submitted);
  io.stdout(
    `Submitted for review: the automated checks are running. Follow them at GET ${target.server}/api/apps/${target.appid}/versions/${version.id}\n`,
  );
  return 0;
}
