/**
 * The container's built-in components: the view's basic set completed with every component
 * the dialects document, registered through the view's `BuiltinRegistry`.
 */
import { type BuiltinRegistry, basicComponents } from '../view/index.ts';
import { checkbox, checkboxGroup, label, radio, radioGroup, switchComponent } from './choice.ts';
import { icon, movableArea, movableView, navigator, progress, text } from './display.ts';
import { button, form, input, textarea } from './form.ts';
import { canvas, image, richText, video, webView } from './media.ts';
import { picker, pickerView, pickerViewColumn } from './picker.ts';
import { scrollView } from './scroll-view.ts';
import { slider } from './slider.ts';
import { swiper, swiperItem } from './swiper.ts';

export { COMPONENT_STYLE } from './component-style.ts';
export { SHARE_REQUEST } from './form.ts';
export { type RichTextNode, renderRichText } from './rich-text-sanitiser.ts';

export interface ComponentSettings {
  /** Origins (`https://shop.example.com`) `<web-view>` may show: the app's business domains. */
  webViewOrigins: readonly string[];
}

/**
 * Every built-in component, for `createView({ builtins })`.
 * @example createView({ document, root, viewModules, send, builtins: containerComponents({ webViewOrigins: [] }) })
 */
export function containerComponents(settings: ComponentSettings): BuiltinRegistry {
  return basicComponents()
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
    .define('web-view', webView(settings.webViewOrigins));
}
