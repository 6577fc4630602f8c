import { type ImageType, sniffImage } from '../../blobs/index.ts';
import { supportErrors } from './errors.ts';
import type { OrderCard, SupportCard } from './support.model.ts';

export const maxTextLength = 2000;

/** A line of text as it is kept: trimmed, 1 to 2000 characters. */
export function checkedText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || [...trimmed].length > maxTextLength) throw supportErrors.TEXT_INVALID();
  return trimmed;
}

/** The image type of an upload, from its bytes alone; refused when too large or not an image. */
export function checkedImage(bytes: Buffer, maxBytes: number): ImageType {
  if (bytes.length > maxBytes) throw supportErrors.IMAGE_TOO_LARGE({ max_bytes: maxBytes });
  const type = sniffImage(bytes.subarray(0, 64));
  if (!type) throw supportErrors.NOT_AN_IMAGE();
  return type;
}

/** The query keys a page names its order by, in the dialects' habits. */
const orderKeys = ['orderId', 'order_id', 'out_order_no'];

/**
 * The card of the page a chat was opened from: the order it names when that order is the
 * user's with this app, the page otherwise.
 */
export function cardFor(source: { path: string; title: string }, orders: OrderCard[]): SupportCard {
  const [path = '', query = ''] = source.path.replace(/^\/+/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const named = orderKeys.map((k) => params.get(k)).find((v) => v);
  const order = named ? orders.find((o) => o.orderId === named || o.outOrderNo === named) : undefined;
  const page = query ? `${path}?${query}` : path;
  if (!order) return { type: 'page', path: page, title: source.title || path };
  return {
    type: 'order',
    path: page,
    title: source.title || order.subject,
    orderId: order.orderId,
    outOrderNo: order.outOrderNo,
    subject: order.subject,
    totalAmount: order.totalAmount,
    currency: order.currency,
    status: order.status,
  };
}
