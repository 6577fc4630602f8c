/**
 * `camera`: the device camera in the page, once the host has the user's consent (the host asks
 * once per app and user); refused or without a camera, the `error` event. `stop` fires when the
 * stream ends; `initdone` when the first frame is ready.
 */
import type { BuiltinComponent } from '../view/index.ts';
import { answerContext } from './component-context.ts';
import { componentElement } from './component-element.ts';
import type { AskHost } from './component-requests.ts';
import { stringAttr } from './form-field.ts';

const SIZES: Record<string, { width: number; height: number }> = {
  low: { width: 640, height: 480 },
  medium: { width: 1280, height: 720 },
  high: { width: 1920, height: 1080 },
};

export function camera(ask: AskHost): BuiltinComponent {
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', 'camera');
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', 'camera preview');
      const video = ctx.document.createElement('video');
      video.muted = true;
      video.autoplay = true;
      video.setAttribute('playsinline', '');
      el.attachShadow({ mode: 'open' }).append(video);
      video.style.cssText = 'width:100%;height:100%;object-fit:cover;display:block';
      let stream: MediaStream | undefined;
      const fail = (errMsg: string) => {
        el.setAttribute('data-failed', '');
        ctx.emit('error', { errMsg });
      };
      const start = async () => {
        await ask({ kind: 'camera' });
        const media = ctx.document.defaultView?.navigator.mediaDevices;
        if (!media) throw new Error('no camera');
        const attrs = ctx.attrs();
        const size = SIZES[stringAttr(attrs.resolution, 'medium')] ?? SIZES.medium!;
        stream = await media.getUserMedia({
          video: { facingMode: attrs['device-position'] === 'front' ? 'user' : 'environment', ...size },
          audio: false,
        });
        for (const track of stream.getTracks()) track.addEventListener('ended', () => ctx.emit('stop', {}));
        video.srcObject = stream;
        video.addEventListener(
          'loadeddata',
          () => ctx.emit('initdone', { maxZoom: 1, width: video.videoWidth, height: video.videoHeight }),
          { once: true },
        );
      };
      queueMicrotask(() => {
        start().catch((error: Error) => fail(`camera:fail ${error.message}`));
      });
      answerContext(el, {
        takePhoto: ({ quality }) => {
          const canvas = ctx.document.createElement('canvas');
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          canvas.getContext('2d')?.drawImage(video, 0, 0);
          const q = quality === 'low' ? 0.5 : quality === 'high' ? 0.95 : 0.8;
          return {
            tempImagePath: canvas.toDataURL('image/jpeg', q),
            width: canvas.width,
            height: canvas.height,
          };
        },
        stop: () => {
          for (const track of stream?.getTracks() ?? []) track.stop();
          ctx.emit('stop', {});
        },
      });
      return el;
    },
    handles: ['mode', 'resolution', 'device-position', 'flash', 'frame-size'],
  };
}
