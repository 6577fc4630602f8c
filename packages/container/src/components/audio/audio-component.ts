/**
 * The legacy `audio` component: a player card (poster, name, author, play button, time) when
 * `controls` is set, and the events `play`/`pause`/`timeupdate`/`ended`/`error`. Its element
 * answers the legacy `AudioContext` (`setSrc`, `play`, `pause`, `seek`).
 */
// From its own module: the view's index would bring the whole view into this bundle.
import { truthy } from '../../view/builtins/builtin-registry.ts';
import { answerContext } from '../component-context.ts';
import { stringAttr } from '../form-field.ts';
import { defineLazyComponent, type LazyComponent } from '../lazy-component.ts';
import { part, shadowChrome } from '../shadow-chrome.ts';

const CARD = `:host { display: inline-block; }
:host(:not([data-controls])) [part="card"] { display: none; }
[part="card"] { display: flex; align-items: center; width: 290px; height: 70px; box-sizing: border-box; border: 1px solid #e0e0e0; border-radius: 3px; background: #fcfcfc; font-size: 13px; overflow: hidden; }
[part="cover"] { position: relative; width: 68px; height: 68px; flex: none; background: #e8e8e8 center / cover no-repeat; }
[part="toggle"] { position: absolute; inset: 19px; width: 30px; height: 30px; padding: 0; border: 2px solid #fff; border-radius: 50%; background: rgba(0,0,0,.35); color: #fff; font-size: 12px; cursor: pointer; }
[part="toggle"]:focus-visible { outline: 2px solid #07c160; outline-offset: 2px; }
[part="info"] { flex: 1; min-width: 0; padding: 0 12px; }
[part="name"] { color: #353535; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[part="author"] { margin-top: 6px; color: #888; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[part="time"] { padding-right: 12px; color: #888; font-variant-numeric: tabular-nums; }`;

function clock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.floor(seconds) : 0;
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const audio: LazyComponent = {
  mount(el, ctx) {
    const root = shadowChrome(
      el,
      CARD,
      `<div part="card" role="group"><div part="cover"><button part="toggle" type="button" aria-label="Play">▶</button></div><div part="info"><div part="name"></div><div part="author"></div></div><span part="time" aria-hidden="true">00:00</span></div><audio part="media" preload="metadata"></audio>`,
    );
    const media = part<HTMLAudioElement>(root, 'media');
    const toggle = part<HTMLButtonElement>(root, 'toggle');
    const showState = () => {
      toggle.textContent = media.paused ? '▶' : '❚❚';
      toggle.setAttribute('aria-label', media.paused ? 'Play' : 'Pause');
    };
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      if (media.paused)
        void media.play().catch((error: Error) => ctx.emit('error', { errMsg: error.message }));
      else media.pause();
    });
    media.addEventListener('play', () => {
      showState();
      ctx.emit('play', {});
    });
    media.addEventListener('pause', () => {
      showState();
      ctx.emit('pause', {});
    });
    media.addEventListener('ended', () => ctx.emit('ended', {}));
    media.addEventListener('timeupdate', () => {
      part(root, 'time').textContent = clock(media.currentTime);
      ctx.emit('timeupdate', { currentTime: media.currentTime, duration: media.duration || 0 });
    });
    // The platforms' detail: errMsg is the MediaError code (1 aborted … 4 source not supported).
    media.addEventListener('error', () => ctx.emit('error', { errMsg: media.error?.code ?? 4 }));
    answerContext(el, {
      setSrc: ({ src }) => {
        media.src = stringAttr(src);
      },
      play: () => media.play(),
      pause: () => media.pause(),
      seek: ({ position }) => {
        media.currentTime = Number(position) || 0;
      },
    });
  },
  update(el, attrs, previous) {
    const root = el.shadowRoot!;
    const media = part<HTMLAudioElement>(root, 'media');
    // An empty src is no source yet, not a failed one.
    if (attrs.src !== previous.src) {
      if (attrs.src) media.src = stringAttr(attrs.src);
      else media.removeAttribute('src');
    }
    media.loop = truthy(attrs.loop);
    el.toggleAttribute('data-controls', truthy(attrs.controls));
    const name = stringAttr(attrs.name, 'Unknown audio');
    const author = stringAttr(attrs.author, 'Unknown author');
    part(root, 'name').textContent = name;
    part(root, 'author').textContent = author;
    part(root, 'card').setAttribute('aria-label', `${name}, ${author}`);
    const poster = stringAttr(attrs.poster);
    // CSS url() of a program string: quoted and stripped of what could end the string.
    part(root, 'cover').style.backgroundImage = poster ? `url("${poster.replace(/["\\\n\r]/g, '')}")` : '';
  },
};

defineLazyComponent('audio', audio);
