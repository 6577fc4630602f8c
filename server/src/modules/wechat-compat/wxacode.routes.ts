import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppsService } from '../apps/index.ts';
import { appOfAccessToken } from './access-token.ts';
import { wechatErrors } from './errors.ts';
import { openAppLink, pagePathProblem, renderMiniProgramCode } from './mini-program-code.ts';

const tags = ['wechat'];
const open = { access: ['anonymous'] as const };
const tokenQuery = z.object({ access_token: z.string().max(256).optional() });
const color = z.object({ r: z.number(), g: z.number(), b: z.number() });
// WeChat's scene: up to 32 visible characters from its allowed set.
const scenePattern = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~%]{1,32}$/;

/** WeChat's mini-program codes: PNG QR codes that open the app at a page in the super app. */
export async function wxacodeRoutes(
  app: FastifyInstance,
  options: { apps: Pick<AppsService, 'resolveClientToken' | 'get'>; publicUrl: string },
): Promise<void> {
  const { apps, publicUrl } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const appOf = async (request: FastifyRequest) => (await appOfAccessToken(apps, request)).appid;

  r.post(
    '/wxa/getwxacodeunlimit',
    {
      config: open,
      schema: {
        tags,
        summary: "WeChat's getUnlimitedQRCode: a PNG code opening `page` with `scene` in its query",
        querystring: tokenQuery,
        body: z.object({
          scene: z.string().max(64),
          page: z.string().max(512).optional(),
          check_path: z.boolean().optional(),
          env_version: z.string().max(16).optional(),
          width: z.number().optional(),
          auto_color: z.boolean().optional(),
          line_color: color.optional(),
          is_hyaline: z.boolean().optional(),
        }),
      },
    },
    async (request, reply) => {
      const appid = await appOf(request);
      const b = request.body;
      if (!scenePattern.test(b.scene)) throw wechatErrors.SCENE_INVALID();
      const page = b.page ?? '';
      if (pagePathProblem(page) || page.includes('?')) throw wechatErrors.PAGE_INVALID();
      const link = openAppLink(publicUrl, appid, `${page}?scene=${encodeURIComponent(b.scene)}`);
      const png = await renderMiniProgramCode(link, {
        width: b.width ?? 430,
        ...(b.line_color && !b.auto_color ? { lineColor: b.line_color } : {}),
        ...(b.is_hyaline ? { hyaline: true } : {}),
      });
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  );

  r.post(
    '/cgi-bin/wxaapp/createwxaqrcode',
    {
      config: open,
      schema: {
        tags,
        summary: "WeChat's createQRCode: a PNG code opening `path` (a page with its query)",
        querystring: tokenQuery,
        body: z.object({ path: z.string().min(1).max(512), width: z.number().optional() }),
      },
    },
    async (request, reply) => {
      const appid = await appOf(request);
      const path = request.body.path.replace(/^\//, '');
      // WeChat caps the path at 128 bytes.
      if (Buffer.byteLength(path) > 128 || pagePathProblem(path.split('?')[0] ?? ''))
        throw wechatErrors.PAGE_INVALID();
      const png = await renderMiniProgramCode(openAppLink(publicUrl, appid, path), {
        width: request.body.width ?? 430,
      });
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  );
}
