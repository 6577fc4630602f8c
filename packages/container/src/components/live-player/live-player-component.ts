/**
 * `live-player`, loaded on first use (hls.js comes with it, so no page frame parses it at boot):
 * a live stream in a `<video>`, HLS through hls.js where the browser has no HLS of its own, its
 * playlists and segments fetched by the host; `statechange` carries the platforms' codes.
 */
import type { BuiltinContext } from '../../view/index.ts';
import { answerContext } from '../component-context.ts';
import type { AskHost } from '../component-requests.ts';
import { stringAttr } from '../form-field.ts';
import { defineLazyComponent, type LazyComponent } from '../lazy-component.ts';
import { hostLoader } from './host-loader.ts';

/** The platforms' `statechange` codes. */
const STATE = {
  connected: 2001,
  firstFrame: 2003,
  playing: 2004,
  loading: 2007,
  ended: 2006,
  disconnected: -2301,
};

interface Player {
  video: HTMLVideoElement;
  ask: AskHost;
  detach?: () => void;
  src: string;
}

const players = new WeakMap<Element, Player>();

async function attach(player: Player, src: string, ctx: BuiltinContext): Promise<void> {
  player.detach?.();
  player.detach = undefined;
  player.src = src;
  const { video } = player;
  if (!src) return video.removeAttribute('src');
  if (!/\.m3u8(\?|$)/i.test(src)) {
    video.src = src;
    return;
  }
  const { default: Hls } = await import('hls.js');
  // hls.js wherever Media Source Extensions exist: one behaviour across browsers, and the
  // playlist fetched by the host. The browser's own HLS only where there is no MSE.
  if (!Hls.isSupported()) {
    if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = src;
    else ctx.emit('error', { errCode: 10001, errMsg: 'HLS is not supported by this browser' });
    return;
  }
  const instance = new Hls({ enableWorker: false, loader: hostLoader(player.ask) });
  instance.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) ctx.emit('statechange', { code: STATE.disconnected, message: data.details });
  });
  instance.loadSource(src);
  instance.attachMedia(video);
  player.detach = () => instance.destroy();
}

const livePlayer: LazyComponent = {
  mount(element, ctx, { ask }) {
    const video = ctx.document.createElement('video');
    video.setAttribute('playsinline', '');
    video.style.cssText = 'width:100%;height:100%;display:block;background:#000';
    element.attachShadow({ mode: 'open' }).append(video);
    const player: Player = { video, ask, src: '' };
    players.set(element, player);
    const state = (code: number) => () => ctx.emit('statechange', { code });
    video.addEventListener('loadstart', state(STATE.connected));
    video.addEventListener('loadeddata', state(STATE.firstFrame));
    video.addEventListener('playing', state(STATE.playing));
    video.addEventListener('waiting', state(STATE.loading));
    video.addEventListener('ended', state(STATE.ended));
    video.addEventListener('error', () =>
      ctx.emit('error', { errCode: video.error?.code ?? 4, errMsg: 'live-player load failed' }),
    );
    ctx.document.addEventListener('fullscreenchange', () =>
      ctx.emit('fullscreenchange', {
        fullScreen: ctx.document.fullscreenElement === element,
        direction: 'vertical',
      }),
    );
    answerContext(element, {
      play: () => video.play(),
      pause: () => video.pause(),
      resume: () => video.play(),
      stop: () => {
        video.pause();
        video.currentTime = 0;
      },
      mute: () => {
        video.muted = true;
      },
      requestFullScreen: () => element.requestFullscreen(),
      exitFullScreen: () => ctx.document.exitFullscreen(),
    });
  },
  update(element, attrs, previous, ctx) {
    const player = players.get(element);
    if (!player) return;
    const { video } = player;
    video.muted = attrs.muted === true || attrs.muted === 'true';
    video.autoplay = attrs.autoplay === true || attrs.autoplay === 'true';
    video.style.objectFit = attrs['object-fit'] === 'fillCrop' ? 'cover' : 'contain';
    element.setAttribute('aria-label', stringAttr(attrs['aria-label'], 'live stream'));
    const src = stringAttr(attrs.src);
    if (src !== player.src || attrs.src !== previous.src)
      attach(player, src, ctx).catch((error: Error) =>
        ctx.emit('error', { errCode: 10001, errMsg: error.message }),
      );
  },
};

defineLazyComponent('live-player', livePlayer);
