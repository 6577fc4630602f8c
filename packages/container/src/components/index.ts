/**
 * The container's built-in components: the view's basic set completed with every component
 * the dialects document, registered through the view's `BuiltinRegistry`.
 */
import { type BuiltinRegistry, basicComponents } from '../view/index.ts';
import { actionSheetCancel, actionSheetItem } from './action-sheet-items.ts';
import { checkbox, checkboxGroup, label, radio, radioGroup, switchComponent } from './choice.ts';
import { type AskHost, noHost } from './component-requests.ts';
import { icon, movableArea, movableView, navigator, progress, text } from './display.ts';
import { button, form, input, textarea } from './form.ts';
import { LazyModules, lazyComponent } from './lazy-component.ts';
import { canvas, image, richText, video, webView } from './media.ts';
import { coverImage, coverView, matchMedia, pageContainer, rootPortal } from './overlay.ts';
import { navigationBar, pageMeta } from './page-meta.ts';
import { picker, pickerView, pickerViewColumn } from './picker.ts';
import { ad, officialAccount, openData } from './platform-services.ts';
import { scrollView } from './scroll-view.ts';
import { slider } from './slider.ts';
import { swiper, swiperItem } from './swiper.ts';

export { CONTEXT_EVENT, callContext } from './component-context.ts';
export type {
  AskHost,
  CameraFeed,
  ComponentRequest,
  MapTiles,
  MediaPiece,
  OpenDataProfile,
} from './component-requests.ts';
export { COMPONENT_STYLE } from './component-style.ts';
export { SHARE_REQUEST } from './form.ts';
export { type RichTextNode, renderRichText } from './rich-text-sanitiser.ts';

export interface ComponentSettings {
  /** Origins (`https://shop.example.com`) `<web-view>` may show: the app's business domains. */
  webViewOrigins: readonly string[];
  /** How a component asks the host page (code loaded on first use, consents, chrome). */
  ask?: AskHost;
  /**
   * The frame's loader of code on first use, when the frame loads other modules too (the
   * legacy canvas): one loader per frame, as a module being loaded defines through a global.
   */
  modules?: LazyModules;
}

/**
 * Components whose code is loaded on first use (big, or rare), and the attributes each one
 * handles (`LAZY_MODULE_OF` names the code when several share it).
 */
export const LAZY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  loading: [],
  toast: ['duration', 'icon'],
  modal: ['title', 'no-cancel', 'confirm-text', 'cancel-text'],
  'action-sheet': [],
  audio: ['src', 'loop', 'controls', 'poster', 'name', 'author'],
  camera: ['mode', 'resolution', 'device-position', 'flash', 'frame-size'],
  map: [
    'longitude',
    'latitude',
    'scale',
    'min-scale',
    'max-scale',
    'markers',
    'polyline',
    'circles',
    'include-points',
    'show-location',
    'enable-zoom',
    'enable-scroll',
    'subkey',
    'layer-style',
  ],
  editor: ['read-only', 'placeholder', 'show-img-size', 'show-img-toolbar', 'show-img-resize'],
  'live-player': [
    'src',
    'mode',
    'autoplay',
    'muted',
    'orientation',
    'object-fit',
    'min-cache',
    'max-cache',
    'aria-label',
  ],
};

/**
 * Every built-in component, for `createView({ builtins })`.
 * @example createView({ document, root, viewModules, send, builtins: containerComponents({ webViewOrigins: [] }) })
 */
export function containerComponents(settings: ComponentSettings, document?: Document): BuiltinRegistry {
  const ask = settings.ask ?? noHost;
  const registry = basicComponents()
    .define('text', text)
    .define('icon', icon)
    .define('image', image)
    .define('button', button)
    .define('input', input)
    .define('textarea', textarea)
    .define('checkbox', checkbox)
    .define('checkbox-group', checkboxGroup)
    .define('radio', radio)
    .define('radio-group', radioGroup)
    .define('switch', switchComponent)
    .define('slider', slider)
    .define('picker', picker)
    .define('picker-view', pickerView)
    .define('picker-view-column', pickerViewColumn)
    .define('form', form)
    .define('label', label)
    .define('navigator', navigator)
    .define('scroll-view', scrollView)
    .define('swiper', swiper)
    .define('swiper-item', swiperItem)
    .define('movable-area', movableArea)
    .define('movable-view', movableView)
    .define('progress', progress)
    .define('rich-text', richText)
    .define('video', video)
    .define('canvas', canvas)
    .define('web-view', webView(settings.webViewOrigins))
    .define('cover-view', coverView)
    .define('cover-image', coverImage)
    .define('root-portal', rootPortal)
    .define('match-media', matchMedia)
    .define('page-container', pageContainer)
    .define('page-meta', pageMeta())
    .define('navigation-bar', navigationBar(ask))
    .define('ad', ad)
    .define('official-account', officialAccount)
    .define('open-data', openData(ask))
    .define('action-sheet-item', actionSheetItem)
    .define('action-sheet-cancel', actionSheetCancel);
  const modules = settings.modules ?? new LazyModules(document ?? globalThis.document, ask);
  for (const [tag, handles] of Object.entries(LAZY_COMPONENTS))
    registry.define(tag, lazyComponent(tag, modules, handles, LAZY_MODULE_OF[tag]));
  return registry;
}

/** The module that carries a lazy component, when it is not named after it. */
const LAZY_MODULE_OF: Readonly<Record<string, string>> = {
  loading: 'feedback',
  toast: 'feedback',
  modal: 'feedback',
  'action-sheet': 'feedback',
};

/** The tag of every built-in component: the one list (compiler, matrix and checks read it). */
export function builtinComponentTags(): string[] {
  return containerComponents({ webViewOrigins: [] }).tags();
}
