import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAnchorPath } from './demo-accounts.ts';
import { demoLiveClip, ffmpegAvailable, renderClip } from './demo-videos.ts';
import { DemoError } from './errors.ts';
import { type PlatformClient, platformClient } from './platform-client.ts';
import { makeLiveCreator, signInOperator } from './seed-demo.ts';

/** The demo's live room: a creator streaming a looped clip with the takeout card pinned. */
export interface DemoLive {
  roomId: string;
  /** The live creator's session now (a new one when the stored one was refused). */
  session: string;
  /** Stops ffmpeg and ends the room (it stays as a replay). */
  stop(): Promise<void>;
}

interface LiveRoomJson {
  room_id: string;
  creator: { id: string };
}

/**
 * Starts the demo's live room at every start: the first demo creator goes live with the
 * takeout card pinned, and ffmpeg pushes a generated clip, looped, to the room's ingest URL
 * as HLS over HTTP. Without ffmpeg there is no live room (said in the log), and the rest of
 * the demo runs. ffmpeg is a child of this process: it is stopped with the demo, killed if
 * this process exits, and ends by itself once the server stops answering its pushes.
 */
export async function startDemoLive(o: {
  base: string;
  appid: string;
  /** The session the marker keeps; without one, or when refused, the creator signs in anew. */
  session: string | undefined;
  log(line: string): void;
}): Promise<DemoLive | undefined> {
  if (!(await ffmpegAvailable())) {
    o.log(
      'demo: ffmpeg is not installed, so the demo has no live room (install Debian\'s "ffmpeg" to get one)',
    );
    return undefined;
  }
  const anonymous = platformClient(o.base);
  const creator = await liveCreator(anonymous, o.session);
  // A room a previous run left live (it was killed) ends first: one room per creator.
  const { items } = await anonymous.json<{ items: LiveRoomJson[] }>('GET', '/api/live/rooms?limit=50');
  for (const room of items.filter((r) => r.creator.id === creator.userId))
    await creator.client.json('POST', `/api/live/rooms/${room.room_id}/end`);
  const started = await creator.client.json<{ room: LiveRoomJson; ingest_url: string }>(
    'POST',
    '/api/live/rooms',
    {
      title: '今晚直播：现场拉面 · Live: hand-pulled noodles',
      anchor: { appid: o.appid, title: demoLiveClip.anchorTitle, path: demoAnchorPath },
    },
  );
  const roomId = started.room.room_id;
  const dir = await mkdtemp(join(tmpdir(), 'plaza-demo-live-'));
  const clip = join(dir, 'live.mp4');
  await writeFile(clip, (await renderClip(demoLiveClip)).video);

  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-re',
      '-stream_loop',
      '-1',
      '-i',
      clip,
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      '1',
      '-hls_list_size',
      '6',
      '-method',
      'PUT',
      started.ingest_url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  ffmpeg.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-2000);
  });
  let stopping = false;
  const exited = once(ffmpeg, 'exit');
  const killOnExit = () => ffmpeg.kill('SIGKILL');
  process.on('exit', killOnExit);
  ffmpeg.on('error', (error) => o.log(`demo: the live room's ffmpeg could not run: ${error.message}`));
  ffmpeg.on('exit', (code, signal) => {
    process.off('exit', killOnExit);
    if (!stopping)
      o.log(
        `demo: the live room's ffmpeg stopped (${signal ?? `exit code ${code}`}); the room shows no new video: ${stderr.trim().slice(-500)}`,
      );
  });
  o.log(`demo: live room ${roomId} streaming a looped clip with the takeout card pinned`);

  return {
    roomId,
    session: creator.token,
    async stop() {
      stopping = true;
      if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) {
        ffmpeg.kill('SIGTERM');
        const timer = setTimeout(() => ffmpeg.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
      await creator.client.json('POST', `/api/live/rooms/${roomId}/end`).catch((error: Error) => {
        o.log(`demo: the live room could not be ended: ${error.message}`);
      });
    },
  };
}

/** The live creator, on the stored session while it holds, else signed in anew (a sign-in code). */
async function liveCreator(
  anonymous: PlatformClient,
  session: string | undefined,
): Promise<{ userId: string; token: string; client: PlatformClient }> {
  if (session) {
    const client = anonymous.as(session);
    try {
      const me = await client.json<{ user: { id: string } }>('GET', '/api/me');
      return { userId: me.user.id, token: session, client };
    } catch (error) {
      // Only a refused session is renewed; anything else is the demo's failure to report.
      if (!(error instanceof DemoError && / 401:/.test(error.message))) throw error;
    }
  }
  return makeLiveCreator(anonymous, await signInOperator(anonymous, undefined));
}
