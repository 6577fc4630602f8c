import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import type { EcpayService } from './ecpay.service.ts';

/** The super app's side of `tt.pay` for an ecpay order: the Plaza order the sheet pays. */
export async function douyinRuntimeRoutes(
  app: FastifyInstance,
  options: { ecpay: EcpayService },
): Promise<void> {
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
      const { userId } = requireUser(request);
      const claimed = await options.ecpay.claim(userId, request.body.order_id, request.body.order_token);
      return { order_id: claimed.orderId, order_token: claimed.orderToken };
    },
  );
}
