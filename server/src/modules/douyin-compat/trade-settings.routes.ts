import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appCaller } from '../apps/index.ts';
import { douyinErrors } from './errors.ts';
import type { TradeSettings, TradeSettingsService } from './trade-settings.service.ts';

const tags = ['douyin'];
const params = z.strictObject({ appid: z.string().min(1).max(64) });
const settingsWire = z.object({
  public_key: z.string(),
  key_version: z.string(),
  notify_url: z.string().nullable(),
  platform_public_key: z.string(),
  updated_at: z.string(),
});
// The console reads this shape from @plaza/api-types: the schema must describe it exactly.
const sameSettings: SameShape<z.infer<typeof settingsWire>, Console.DouyinTradeSettings> = true;
void sameSettings;

/** The console's side of the trade system: the app's RSA public key, and Plaza's to check callbacks with. */
export async function tradeSettingsRoutes(
  app: FastifyInstance,
  options: { tradeSettings: TradeSettingsService },
): Promise<void> {
  const { tradeSettings } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settingsJson = async (s: TradeSettings) => ({
    public_key: s.publicKey,
    key_version: s.keyVersion,
    notify_url: s.notifyUrl,
    platform_public_key: await tradeSettings.platformPublicKey(),
    updated_at: new Date(s.updatedAt).toISOString(),
  });

  r.get(
    '/api/apps/:appid/douyin/trade-settings',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "The app's trade-system public key and version, and Plaza's public key for Byte-Signature",
        params,
        response: { 200: settingsWire },
      },
    },
    async (request) => {
      const found = await tradeSettings.get(appCaller(request), request.params.appid);
      if (!found) throw douyinErrors.TRADE_NOT_SET_UP({ appid: request.params.appid });
      return settingsJson(found);
    },
  );

  r.put(
    '/api/apps/:appid/douyin/trade-settings',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "Registers the app's RSA public key for byteAuthorization (role ≥ admin): a PEM RSA key of at least 2048 bits",
        params,
        body: z.strictObject({
          public_key: z.string().min(1).max(8192),
          key_version: z
            .string()
            .regex(/^[0-9A-Za-z._-]{1,16}$/)
            .optional(),
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
        await tradeSettings.set(appCaller(request), request.params.appid, {
          publicKey: b.public_key,
          ...(b.key_version !== undefined ? { keyVersion: b.key_version } : {}),
          ...(b.notify_url !== undefined ? { notifyUrl: b.notify_url } : {}),
        }),
      );
    },
  );

  r.get(
    '/api/douyin/trade/platform-public-key',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags,
        summary: "Plaza's RSA public key (PEM) that trade callbacks' Byte-Signature verifies with",
      },
    },
    async (_request, reply) =>
      reply
        .type('application/x-pem-file')
        .header('content-disposition', 'attachment; filename="plaza-trade-public-key.pem"')
        .send(await tradeSettings.platformPublicKey()),
  );
}
