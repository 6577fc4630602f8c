import { z } from 'zod';

/**
 * `tt.requestOrder`'s `data`: the JSON string the merchant's server signed, in Douyin's
 * camelCase. Fields Plaza does not act on (`limitPayWayList`, `merchantUid`, a sku's
 * `imageList`, `tagGroupId`…) are taken and covered by the signature, not used.
 */
const sku = z.object({
  skuId: z.string().min(1).max(64),
  price: z.number().int().min(0),
  quantity: z.number().int().min(1).max(10_000),
  title: z.string().min(1).max(256),
  imageList: z.array(z.string().max(1024)).max(10).optional(),
  type: z.number().int().optional(),
  tagGroupId: z.string().max(64).optional(),
  entrySchema: z.object({ path: z.string().max(512), params: z.string().max(2048).optional() }).optional(),
});

const orderData = z.object({
  skuList: z.array(sku).min(1).max(50),
  outOrderNo: z.string().min(1).max(64),
  totalAmount: z.number().int().min(1),
  payExpireSeconds: z.number().int().min(1).optional(),
  payNotifyUrl: z
    .url({ protocol: /^https?$/ })
    .max(1024)
    .optional(),
  merchantUid: z.string().max(64).optional(),
  orderEntrySchema: z
    .object({ path: z.string().max(512), params: z.string().max(2048).optional() })
    .optional(),
  limitPayWayList: z.array(z.number().int()).max(10).optional(),
  cpExtra: z.string().max(2048).optional(),
});

export type RequestOrderData = z.infer<typeof orderData>;

/** The order the data describes, or why not (the first problem, with its field). */
export function readOrderData(
  data: string,
): { ok: true; order: RequestOrderData } | { ok: false; field: string; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, field: 'data', problem: 'not JSON' };
  }
  const parsed = orderData.safeParse(json);
  if (parsed.success) return { ok: true, order: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue?.path.join('.') || 'data', problem: issue?.message ?? 'invalid' };
}
