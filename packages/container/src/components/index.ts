/**
 * The container's built-in components: the view's basic set completed with every component
 * the dialects document, registered through the view's `BuiltinRegistry`.
 */
import { type BuiltinRegistry, basicComponents } from '../view/index.ts';
import { audio } from './audio.ts';
import { camera } from './camera.ts';
import { checkbox, checkboxGroup, label, radio, radioGroup, switchComponent } from './choice.ts';
import { type AskHost, noHost } from './component-requests.ts';
import { icon, movableArea, movableView, navigator, progress, text } from './display.ts';
import { button, form, input, textarea } from './form.ts';
import { LazyModules, lazyComponent } from './lazy-component.ts';
import { actionSheet, actionSheetCancel, actionSheetItem, loading, modal, toast } from './legacy-feedback.ts';
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
}

/** Components whose code is loaded on first use, and the attributes each one handles. */
export const LAZY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
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
    .define('audio', audio)
    .define('camera', camera(ask))
    .define('ad', ad)
    .define('official-account', officialAccount)
    .define('open-data', openData(ask))
    .define('loading', loading)
    .define('toast', toast)
    .define('modal', modal)
    .define('action-sheet', actionSheet)
    .define('action-sheet-item', actionSheetItem)
    .define('action-sheet-cancel', actionSheetCancel);
  const modules = new LazyModules(document ?? globalThis.document, ask);
  for (const [tag, handles] of Object.entries(LAZY_COMPONENTS))
    registry.define(tag, lazyComponent(tag, modules, handles));
  return registry;
}

/** The tag of every built-in component: the one list (compiler, matrix and checks read it). */
export function builtinComponentTags(): string[] {
  return containerComponents({ webViewOrigins: [] }).tags();
}
