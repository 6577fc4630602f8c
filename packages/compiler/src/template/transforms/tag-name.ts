import type { ElementNode } from '../ast.ts';
import type { TransformContext } from '../transform.ts';

/**
 * HTML element names that are not components of either platform. The platforms render them
 * as plain elements with no behaviour (a `<span>` is a box, an `<a href>` goes nowhere), so
 * Plaza keeps the tag and the view renders it inert; the author is told.
 * Names the platforms do define (`form`, `button`, `input`, `label`, `image`, `video`, `map`…)
 * are not listed.
 */
const htmlTags = new Set(
  (
    'a abbr address article aside b base bdi bdo blockquote body br caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer frame ' +
    'frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img ins kbd legend li link main mark ' +
    'menu meta meter nav noscript object ol optgroup option output p param pre q rp rt ruby s samp script ' +
    'section select small source span strong style sub summary sup table tbody td tfoot th thead time ' +
    'title tr track u ul var wbr'
  ).split(' '),
);

/** `wx-image`, `tt-view`: the rendered names of built-ins, which templates may use as tags. */
const PREFIXED = /^(wx|tt)-(.+)$/;

/**
 * The tag an element renders as: a `wx-`/`tt-` prefixed built-in becomes its plain name, an
 * HTML tag or an unknown one stays (inert in the view). Each is reported as a warning at the tag.
 */
export function renderedTag(element: ElementNode, context: TransformContext): string {
  const tag = element.tag;
  if (context.usingComponents[tag]) return tag;
  const prefixed = PREFIXED.exec(tag);
  if (prefixed) {
    context.error('PLZ_TPL_PREFIXED_TAG', [tag, prefixed[2]!], tagLoc(element, context));
    return prefixed[2]!;
  }
  if (htmlTags.has(tag.toLowerCase())) context.error('PLZ_TPL_HTML_TAG', [tag], tagLoc(element, context));
  else if (context.builtinTags && !context.builtinTags.has(tag))
    context.error('PLZ_TPL_UNKNOWN_TAG', [tag], tagLoc(element, context));
  return tag;
}

/** The `<name` of an element's start tag. */
function tagLoc(element: ElementNode, context: TransformContext) {
  const start = element.loc.start;
  return { start, end: context.locate(start.offset + 1 + element.tag.length) };
}
