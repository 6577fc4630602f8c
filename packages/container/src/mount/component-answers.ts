import type { HostCapabilities } from '@plaza/runtime';
import type {
  CameraFeed,
  ComponentRequest,
  MapTiles,
  MediaPiece,
  OpenDataProfile,
} from '../components/index.ts';
import { askConsent, type HostContext, rememberedConsent } from '../host/browser-host.ts';

export interface ComponentAnswerContext {
  host: HostCapabilities;
  context: HostContext;
  /** The code of a component loaded on first use, by name. */
  componentCode(name: string): Promise<string>;
  mapTiles?: MapTiles | undefined;
}

/**
 * Answers what a page's built-in components ask of the host, behind the same consents as the
 * API: the camera once the user allowed `scope.camera`; the profile for `open-data` only when
 * the user already allowed `scope.userInfo` (never a prompt from merely showing a page).
 */
export async function answerComponent(
  request: ComponentRequest,
  ctx: ComponentAnswerContext,
): Promise<unknown> {
  switch (request.kind) {
    case 'code':
      return ctx.componentCode(request.name);
    case 'camera': {
      if (!ctx.context.permissions.camera) throw new Error('the camera is not available to this app');
      const allowed = await askConsent(ctx.context, 'scope.camera', 'to show the camera in the page');
      if (!allowed) throw new Error('auth deny');
      return openCamera(request);
    }
    case 'open-data': {
      if (rememberedConsent(ctx.context, 'scope.userInfo') !== true) return null;
      const profile = await ctx.host.getUserProfile({});
      const info = profile.userInfo;
      return {
        nickName: String(info.nickName ?? ''),
        avatarUrl: String(info.avatarUrl ?? ''),
        gender: Number(info.gender ?? 0),
        city: String(info.city ?? ''),
        province: String(info.province ?? ''),
        country: String(info.country ?? ''),
        language: String(info.language ?? ''),
      } satisfies OpenDataProfile;
    }
    case 'media':
      return fetchMedia(request);
    case 'map-tiles':
      return ctx.mapTiles ?? null;
    case 'map-tile': {
      // Only from the operator's tile servers: the page cannot turn this into a fetch of its own.
      const origins = (ctx.mapTiles?.tiles ?? []).map(
        (template) => new URL(template.replace(/[{}]/g, '')).origin,
      );
      if (!origins.includes(new URL(request.url).origin))
        throw new Error('not a tile server of this platform');
      return fetchMedia({ kind: 'media', url: request.url });
    }
    case 'navigation-bar': {
      if (request.title !== undefined) await ctx.host.setNavigationBarTitle({ title: request.title });
      if (request.frontColor !== undefined || request.backgroundColor !== undefined)
        await ctx.host.setNavigationBarColor({
          frontColor: request.frontColor ?? '#000000',
          backgroundColor: request.backgroundColor ?? '#ffffff',
        });
      return true;
    }
  }
}

/** Fetches component code from `base` (`/plaza-components/`), once per name. */
export function componentCodeFrom(base: string): (name: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (name) => {
    if (!/^[a-z-]+$/.test(name)) return Promise.reject(new Error(`no component ${name}`));
    let found = cache.get(name);
    if (!found) {
      found = fetch(new URL(`${name}.js`, new URL(base, location.href))).then((res) => {
        if (!res.ok) throw new Error(`${name}.js: HTTP ${res.status}`);
        return res.text();
      });
      cache.set(name, found);
      found.catch(() => cache.delete(name));
    }
    return found;
  };
}

/** Chromium's track → frame stream (not yet in TypeScript's DOM library). */
declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack });
  readonly readable: ReadableStream<VideoFrame>;
}

/** The frame's side of the camera is a stream of frames; cancelling it turns the camera off. */
async function openCamera(request: Extract<ComponentRequest, { kind: 'camera' }>): Promise<CameraFeed> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: request.facing, width: request.width, height: request.height },
    audio: false,
  });
  const track = stream.getVideoTracks()[0]!;
  const processor = new MediaStreamTrackProcessor({ track });
  const reader = processor.readable.getReader();
  const settings = track.getSettings();
  // A VideoFrame cannot be cloned into another agent cluster (the opaque-origin frame); an
  // ImageBitmap can.
  const frames = new ReadableStream<ImageBitmap>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      try {
        controller.enqueue(await createImageBitmap(value));
      } finally {
        value.close();
      }
    },
    cancel() {
      track.stop();
      return reader.cancel();
    },
  });
  return { frames, width: settings.width ?? request.width, height: settings.height ?? request.height };
}

/**
 * A live stream's playlist or segment, for `live-player` (the page frame may not fetch): media
 * loads from anywhere, as `<video src>` may, but without cookies or referrer, and only over
 * http(s).
 */
async function fetchMedia(request: Extract<ComponentRequest, { kind: 'media' }>): Promise<MediaPiece> {
  const url = new URL(request.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('invalid url');
  const headers: Record<string, string> = {};
  if (request.rangeStart !== undefined)
    headers.range = `bytes=${request.rangeStart}-${request.rangeEnd === undefined ? '' : request.rangeEnd - 1}`;
  const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', headers });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return { url: res.url, status: res.status, data: await res.arrayBuffer() };
}

/** What an answer hands over rather than copies (the camera's frame stream, media bytes). */
export function transferablesOf(value: unknown): Transferable[] {
  const { frames, data } = (value ?? {}) as Partial<CameraFeed & MediaPiece>;
  if (frames instanceof ReadableStream) return [frames];
  return data instanceof ArrayBuffer ? [data] : [];
}
