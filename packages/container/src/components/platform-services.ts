/**
 * Components backed by a platform's own services: `ad` and `official-account` (no ad network
 * or official account behind Plaza: the empty state a program sees when none is served, and
 * the `error` event it gets then), and `open-data` (the user's profile, shown only with the
 * user's consent, asked of the host).
 */
import type { BuiltinComponent } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import type { AskHost, OpenDataProfile } from './component-requests.ts';
import { stringAttr } from './form-field.ts';

/** `ad`: renders nothing and fires `error` with the platforms' "no ad to serve" code. */
export const ad: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'ad');
    el.setAttribute('aria-hidden', 'true');
    queueMicrotask(() => ctx.emit('error', { errCode: 1004, errMsg: 'no advertisement available' }));
    return el;
  },
  handles: ['unit-id', 'ad-intervals', 'ad-type', 'ad-theme', 'type', 'scale'],
};

/** `official-account`: renders nothing and fires `error` (status 3: not available in this scene). */
export const officialAccount: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'official-account');
    el.setAttribute('aria-hidden', 'true');
    queueMicrotask(() =>
      ctx.emit('error', { status: 3, errMsg: 'official-account: not available in this scene' }),
    );
    return el;
  },
};

const TEXT_FIELDS: Record<string, keyof OpenDataProfile> = {
  userNickName: 'nickName',
  userCity: 'city',
  userProvince: 'province',
  userCountry: 'country',
  userLanguage: 'language',
};
const GENDER: Record<number, string> = { 0: '', 1: 'Male', 2: 'Female' };

/**
 * `open-data`: one field of the user's profile (`type="userNickName"`, `userAvatarUrl`,
 * `userGender`…). Without the user's consent, the empty state: `default-text` /
 * `default-avatar`, or nothing.
 */
export function openData(ask: AskHost): BuiltinComponent {
  const profiles = new WeakMap<Element, OpenDataProfile | null>();
  const show = (el: HTMLElement, attrs: Record<string, unknown>) => {
    const profile = profiles.get(el) ?? null;
    const type = stringAttr(attrs.type);
    if (type === 'userAvatarUrl') {
      const src = profile?.avatarUrl || stringAttr(attrs['default-avatar']);
      const img = el.ownerDocument.createElement('img');
      img.alt = profile ? `${profile.nickName}'s avatar` : 'avatar';
      if (src) img.src = src;
      el.replaceChildren(...(src ? [img] : []));
      return;
    }
    const field = TEXT_FIELDS[type];
    const value = profile
      ? type === 'userGender'
        ? (GENDER[profile.gender] ?? '')
        : field
          ? String(profile[field] ?? '')
          : ''
      : '';
    el.textContent = value || stringAttr(attrs['default-text']);
  };
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'span', 'open-data');
      el.toggleAttribute('data-empty', true);
      ask({ kind: 'open-data' }).then(
        (profile) => {
          profiles.set(el, (profile as OpenDataProfile | null) ?? null);
          el.toggleAttribute('data-empty', !profile);
          show(el, ctx.attrs());
        },
        (error: Error) => ctx.emit('error', { errMsg: `open-data:fail ${error.message}` }),
      );
      return el;
    },
    handles: ['type', 'open-gid', 'lang', 'default-text', 'default-avatar'],
    update(element, attrs) {
      show(element as HTMLElement, attrs);
    },
  };
}
