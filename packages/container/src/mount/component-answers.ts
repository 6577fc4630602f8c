import type { HostCapabilities } from '@plaza/runtime';
import type { ComponentRequest, OpenDataProfile } from '../components/index.ts';
import { askConsent, type HostContext, rememberedConsent } from '../host/browser-host.ts';

export interface ComponentAnswerContext {
  host: HostCapabilities;
  context: HostContext;
  /** The code of a component loaded on first use, by name. */
  componentCode(name: string): Promise<string>;
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
      const allowed = await askConsent(ctx.context, 'scope.camera', 'to show the camera in the page');
      if (!allowed) throw new Error('auth deny');
      return true;
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
