import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireApp, requireUser } from '../../http/access.ts';
import { oneTimeCodeJson, sendOneTimeCode } from '../../http/one-time-code.ts';
import { appidField, scopeField, sheetJson, toSheetJson, userOnly } from './consent.schemas.ts';
import { type ConsentService, phoneCodeLifetimeMs } from './consent.service.ts';

const appParams = z.strictObject({ appid: appidField });

/**
 * The host's side of consent: the sheet, the decision, and the personal data a mini
 * program asks for through the host (profile, phone code, location), each only with
 * the user's grant. Plus the merchant's exchange of a phone code.
 */
export async function consentRoutes(
  app: FastifyInstance,
  { consent }: { consent: ConsentService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/runtime/apps/:appid/consent/:scope',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: "What the consent sheet shows: the app, the scope, the app's declared reason, the decision",
        params: z.strictObject({ appid: appidField, scope: scopeField }),
        response: { 200: sheetJson },
      },
    },
    async (request) => {
      const { appid, scope } = request.params;
      return toSheetJson(await consent.sheet(requireUser(request).userId, appid, scope));
    },
  );

  r.post(
    '/api/runtime/apps/:appid/consent',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: "Record the user's answer in the consent sheet (a scope the app did not declare is refused)",
        params: appParams,
        body: z.strictObject({ scope: scopeField, granted: z.boolean() }),
        response: { 200: sheetJson },
      },
    },
    async (request) => {
      const { scope, granted } = request.body;
      return toSheetJson(
        await consent.decide(requireUser(request).userId, request.params.appid, scope, granted),
      );
    },
  );

  r.post(
    '/api/runtime/apps/:appid/profile',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        // Answered in the shape of the dialects' `userInfo`, which the host hands on as is.
        summary:
          'getUserProfile: the nickname and avatar (userInfo shape) for this app, with the profile grant',
        params: appParams,
        response: { 200: z.object({ nickName: z.string(), avatarUrl: z.string() }) },
      },
    },
    async (request, reply) => {
      const profile = await consent.profile(requireUser(request).userId, request.params.appid);
      return reply
        .header('cache-control', 'no-store')
        .send({ nickName: profile.nickname, avatarUrl: profile.avatarUrl ?? '' });
    },
  );

  r.post(
    '/api/runtime/apps/:appid/phone-code',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: "getPhoneNumber: a one-time code (5 minutes) the app's server exchanges for the number",
        params: appParams,
        response: { 200: oneTimeCodeJson },
      },
    },
    async (request, reply) => {
      const issued = await consent.issuePhoneCode(requireUser(request).userId, request.params.appid);
      return sendOneTimeCode(reply, issued.code, phoneCodeLifetimeMs);
    },
  );

  r.post(
    '/api/runtime/apps/:appid/location',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: "getLocation: whether the host may give this app the device's location (location grant)",
        params: appParams,
        response: { 200: z.object({ scope: z.literal('location'), granted_at: z.number() }) },
      },
    },
    async (request) => {
      const { grantedAt } = await consent.location(requireUser(request).userId, request.params.appid);
      return { scope: 'location' as const, granted_at: grantedAt };
    },
  );

  r.post(
    '/api/apps/phone_number',
    {
      config: { access: ['app'] },
      schema: {
        tags: ['consent'],
        summary: "The app's server exchanges a getPhoneNumber code, once, for the user's phone number",
        body: z.strictObject({ code: z.string().min(1).max(128) }),
        response: {
          200: z.object({
            phone_number: z.string(),
            pure_phone_number: z.string(),
            country_code: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const phone = await consent.exchangePhoneCode(requireApp(request).appId, request.body.code);
      return reply.header('cache-control', 'no-store').send({
        phone_number: phone.phoneNumber,
        pure_phone_number: phone.purePhoneNumber,
        country_code: phone.countryCode,
      });
    },
  );
}
