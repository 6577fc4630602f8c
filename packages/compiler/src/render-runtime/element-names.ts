/**
 * What element a template tag becomes, as one rule for the view layer (which creates the
 * elements) and the style compiler (whose type selectors must name the same elements).
 */

/**
 * The tag of every built-in component. The container's registry defines exactly these (its
 * tests pin the two together); stylesheets select them by their `data-plaza` mark.
 */
export const BUILTIN_COMPONENT_TAGS: readonly string[] = [
  'view',
  'block',
  'text',
  'image',
  'icon',
  'button',
  'input',
  'textarea',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'switch',
  'slider',
  'picker',
  'picker-view',
  'picker-view-column',
  'form',
  'label',
  'navigator',
  'scroll-view',
  'swiper',
  'swiper-item',
  'movable-area',
  'movable-view',
  'progress',
  'rich-text',
  'video',
  'canvas',
  'web-view',
  'cover-view',
  'cover-image',
  'map',
  'audio',
  'camera',
  'editor',
  'live-player',
  'page-container',
  'page-meta',
  'navigation-bar',
  'root-portal',
  'match-media',
  'ad',
  'official-account',
  'open-data',
  'loading',
  'toast',
  'modal',
  'action-sheet',
  'action-sheet-item',
  'action-sheet-cancel',
];

/** HTML elements with no behaviour of their own: they keep their name, so `span { … }` rules still match. */
export const PLAIN_HTML_TAGS: ReadonlySet<string> = new Set(
  (
    'div span p i b em strong small sub sup u s del ins mark code pre kbd samp var abbr cite q dfn time ' +
    'h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote figure figcaption section article header footer ' +
    'nav main aside address hr br wbr table caption thead tbody tfoot tr td th col colgroup center font'
  ).split(' '),
);

/**
 * Names the DOM creates as bare elements but HTML's parser or another namespace gives meaning
 * to: never kept, so a serialised and re-parsed page cannot turn them live either.
 */
const PARSER_SPECIAL = new Set(
  'svg math noscript noembed noframes xmp plaintext listing portal frame frameset image'.split(' '),
);

/**
 * HTML elements with an interface of their own (behaviour, fetching, navigation, forms,
 * media), past and present. A browser may know more; the view checks its DOM as well.
 */
const KNOWN_HTML = new Set(
  (
    'a applet area audio base basefont bgsound blink body button canvas data datalist details dialog dir ' +
    'embed fencedframe fieldset form head html iframe img input isindex keygen label legend link map marquee ' +
    'menu menuitem meta meter object optgroup option output param picture progress script select ' +
    'selectedcontent slot source style summary template textarea title track video'
  ).split(' '),
);

const CUSTOM_NAME = /^[a-z][a-z0-9._-]*$/;

/**
 * The element name a template tag that is no built-in component renders as: its own name
 * when that element has no behaviour (plain HTML, or a name the browser does not know),
 * otherwise `wx-<tag>`, an element no one defines; `wx-unknown` for a name no element can have.
 * @example inertTagName('a') // 'wx-a'
 * @example inertTagName('span') // 'span'
 */
export function inertTagName(tag: string): string {
  const lower = tag.toLowerCase();
  if (PLAIN_HTML_TAGS.has(lower)) return lower;
  if (!CUSTOM_NAME.test(lower)) return 'wx-unknown';
  if (PARSER_SPECIAL.has(lower) || KNOWN_HTML.has(lower)) return `wx-${lower}`;
  return lower;
}
