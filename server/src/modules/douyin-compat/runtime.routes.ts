import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import type { EcpayService } from './ecpay.service.ts';
import type { RequestOrderService } from './request-order.service.ts';

/**
 * The super app's side of `tt.pay` for an ecpay order (the Plaza order the sheet pays), and
 * of `tt.requestOrder` (the signed order data becomes the user's Plaza order).
 */
export async function douyinRuntimeRoutes(
  app: FastifyInstance,
  options: { ecpay: EcpayService; requestOrder: RequestOrderService },
): Promise<void> {
  const userOf = (request: FastifyRequest) => requireUser(request).userId;

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/runtime/douyin/trade/request-order',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['douyin'],
        summary:
          "tt.requestOrder: the merchant's signed order data (byteAuthorization checked with the app's key) becomes the user's order",
        body: z.strictObject({
          appid: z.string().min(1).max(64),
          data: z
            .string()
            .min(2)
            .max(64 * 1024),
          byte_authorization: z.string().min(1).max(2048),
        }),
        response: {
          200: z.object({
            order_id: z.string(),
            order_token: z.string(),
            out_order_no: z.string(),
            item_order_list: z.array(
              z.object({ item_order_id: z.string(), sku_id: z.string(), price: z.number() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const made = await options.requestOrder.requestOrder(userOf(request), b.appid, {
        data: b.data,
        byteAuthorization: b.byte_authorization,
      });
      return {
        order_id: made.orderId,
        order_token: made.orderToken,
        out_order_no: made.outOrderNo,
        item_order_list: made.itemOrderList.map((i) => ({
          item_order_id: i.itemOrderId,
          sku_id: i.skuId,
          price: i.price,
        })),
      };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/runtime/douyin/ecpay/claim',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['douyin'],
        summary: "tt.pay of an ecpay order: the signed-in user's Plaza order and token for it",
        body: z.strictObject({
          order_id: z.string().min(1).max(64),
          order_token: z.string().min(1).max(256),
        }),
        response: { 200: z.object({ order_id: z.string(), order_token: z.string() }) },
      },
    },
    async (request) => {
      const claimed = await options.ecpay.claim(
        userOf(request),
        request.body.order_id,
        request.body.order_token,
      );
      return { order_id: claimed.orderId, order_token: claimed.orderToken };
    },
  );
}
