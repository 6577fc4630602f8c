import type { ApiContext } from './create-api.ts';
import type { MediaAction } from './host-capabilities.ts';

type Api = Record<string, unknown>;

/**
 * `createVideoContext(id)`: drives the page's `<video id>` through the view. The platforms'
 * context methods take no callbacks, so a refusal (no such video) reaches the developer log.
 */
export function installMediaMembers(api: Api, ctx: ApiContext): void {
  api.createVideoContext = (id: unknown) => {
    const target = String(id ?? '');
    const run = (action: MediaAction, value?: number) => {
      ctx.host
        .viewCommand({ kind: 'media', id: target, action, ...(value === undefined ? {} : { value }) })
        .catch((error: unknown) =>
          ctx.log('warn', `VideoContext.${action}:fail ${(error as Error)?.message ?? error}`),
        );
    };
    return {
      play: () => run('play'),
      pause: () => run('pause'),
      stop: () => run('stop'),
      seek: (position: unknown) => run('seek', Number(position) || 0),
      playbackRate: (rate: unknown) => run('playbackRate', Number(rate) || 1),
      requestFullScreen: () => run('requestFullScreen'),
      exitFullScreen: () => run('exitFullScreen'),
      // Danmu and the status bar are the native player's chrome, which the browser's lacks.
      sendDanmu: () => undefined,
      showStatusBar: () => undefined,
      hideStatusBar: () => undefined,
    };
  };
}
