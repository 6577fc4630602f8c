/**
 * `camera`: the device camera in the page. An opaque-origin page frame may not open a camera,
 * so the host does, after the user's consent (asked once per app and user) and only for an app
 * the platform granted the camera; the frames arrive as a stream and are drawn on a canvas
 * here, in the page's own layout. Refused or without a camera: the `error` event. `initdone`
 * fires with the first frame, `stop` when the stream ends. Loaded on first use.
 */
import { answerContext } from '../component-context.ts';
import type { CameraFeed } from '../component-requests.ts';
import { stringAttr } from '../form-field.ts';
import { defineLazyComponent, type LazyComponent } from '../lazy-component.ts';

const SIZES: Record<string, { width: number; height: number }> = {
  low: { width: 640, height: 480 },
  medium: { width: 1280, height: 720 },
  high: { width: 1920, height: 1080 },
};

async function show(
  reader: ReadableStreamDefaultReader<ImageBitmap>,
  canvas: HTMLCanvasElement,
  first: () => void,
): Promise<void> {
  const draw = canvas.getContext('2d');
  let started = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (canvas.width !== value.width) canvas.width = value.width;
    if (canvas.height !== value.height) canvas.height = value.height;
    draw?.drawImage(value, 0, 0);
    value.close();
    if (!started) {
      started = true;
      first();
    }
    if (!canvas.isConnected && started) {
      await reader.cancel();
      return;
    }
  }
}

const camera: LazyComponent = {
  mount(el, ctx, { ask }) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', 'camera preview');
    const canvas = ctx.document.createElement('canvas');
    canvas.style.cssText = 'width:100%;height:100%;object-fit:cover;display:block';
    el.attachShadow({ mode: 'open' }).append(canvas);
    let reader: ReadableStreamDefaultReader<ImageBitmap> | undefined;
    const start = async () => {
      const attrs = ctx.attrs();
      const size = SIZES[stringAttr(attrs.resolution, 'medium')] ?? SIZES.medium!;
      const feed = (await ask({
        kind: 'camera',
        facing: attrs['device-position'] === 'front' ? 'user' : 'environment',
        ...size,
      })) as CameraFeed;
      const frames = feed.frames.getReader();
      reader = frames;
      await show(frames, canvas, () =>
        ctx.emit('initdone', { maxZoom: 1, width: canvas.width, height: canvas.height }),
      );
      ctx.emit('stop', {});
    };
    queueMicrotask(() => {
      start().catch((error: Error) => {
        el.setAttribute('data-failed', '');
        ctx.emit('error', { errMsg: `camera:fail ${error.message}` });
      });
    });
    answerContext(el, {
      takePhoto: ({ quality }) => {
        const q = quality === 'low' ? 0.5 : quality === 'high' ? 0.95 : 0.8;
        return {
          tempImagePath: canvas.toDataURL('image/jpeg', q),
          width: canvas.width,
          height: canvas.height,
        };
      },
      stop: () => reader?.cancel(),
    });
  },
  update: () => {},
};

defineLazyComponent('camera', camera);
