import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appCaller } from '../apps/index.ts';
import { douyinErrors } from './errors.ts';
import type { PaySettings, PaySettingsService } from './pay-settings.service.ts';

const tags = ['douyin'];
const params = z.strictObject({ appid: z.string().min(1).max(64) });
const settingsWire = z.object({
  salt: z.string(),
  callback_token: z.string(),
  notify_url: z.string().nullable(),
  updated_at: z.string(),
});
// The console reads this shape from @plaza/api-types: the schema must describe it exactly.
const sameSettings: SameShape<z.infer<typeof settingsWire>, Console.DouyinPaymentSettings> = true;
void sameSettings;
const settingsJson = (s: PaySettings) => ({
  salt: s.salt,
  callback_token: s.callbackToken,
  notify_url: s.notifyUrl,
  updated_at: new Date(s.updatedAt).toISOString(),
});

/** The console's side: an app's Douyin payment SALT, callback token and callback URL. */
export async function paySettingsRoutes(
  app: FastifyInstance,
  options: { settings: PaySettingsService },
): Promise<void> {
  const { settings } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/douyin/payment-settings',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "The app's Douyin payment SALT, callback token and callback URL",
        params,
        response: { 200: settingsWire },
      },
    },
    async (request) => {
      const found = await settings.get(appCaller(request), request.params.appid);
      if (!found) throw douyinErrors.PAYMENT_NOT_SET_UP({ appid: request.params.appid });
      return settingsJson(found);
    },
  );

  r.put(
    '/api/apps/:appid/douyin/payment-settings',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          'Sets them (role ≥ admin): a migrating merchant brings the SALT and token it has; absent ones are made',
        params,
        body: z.strictObject({
          salt: z.string().max(256).optional(),
          callback_token: z.string().max(256).optional(),
          notify_url: z
            .url({ protocol: /^https?$/ })
            .max(1024)
            .nullable()
            .optional(),
        }),
        response: { 200: settingsWire },
      },
    },
    async (request) => {
      const b = request.body;
      return settingsJson(
        await settings.set(appCaller(request), request.params.appid, {
          ...(b.salt !== undefined ? { salt: b.salt } : {}),
          ...(b.callback_token !== undefined ? { callbackToken: b.callback_token } : {}),
          ...(b.notify_url !== undefined ? { notifyUrl: b.notify_url } : {}),
        }),
      );
    },
  );
}
