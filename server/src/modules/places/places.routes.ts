import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount, requireApp, requireOperator } from '../../http/access.ts';
import type { PlaceClaim, PlacePage, PlacesService } from './places.service.ts';

export interface PlacesRouteOptions {
  places: PlacesService;
}

const poiParams = z.object({ poiId: z.string().min(1).max(64) });
const hours = z
  .array(
    z.strictObject({
      days: z.array(z.number().int()).min(1).max(7),
      open: z.string().max(5),
      close: z.string().max(5),
    }),
  )
  .max(14);
// Photos are https images, or covers the platform itself serves.
const photo = z.union([
  z.url({ protocol: /^https$/ }).max(500),
  z.string().regex(/^\/api\/videos\/[A-Za-z0-9_]{1,64}\/cover$/, 'a video cover of this platform'),
]);
const params = z.record(z.string().max(40), z.string().max(100));
const placeJson = z.object({
  poi_id: z.string(),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  city: z.string(),
  category: z.string(),
  hours,
  avg_price: z.number().nullable(),
  photos: z.array(z.string()),
  services: z.array(
    z.object({
      app: z.string(),
      app_name: z.string(),
      app_icon_url: z.string().nullable(),
      title: z.string(),
      path: z.string(),
      params,
    }),
  ),
  claimed: z.boolean(),
});
const claimJson = z.object({
  id: z.string(),
  poi_id: z.string(),
  org_id: z.string(),
  evidence: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string().nullable(),
  created_at: z.number(),
});

const wirePlace = (p: PlacePage) => ({
  poi_id: p.poiId,
  name: p.name,
  address: p.address,
  lat: p.lat,
  lng: p.lng,
  city: p.city,
  category: p.category,
  hours: p.hours,
  avg_price: p.avgPrice,
  photos: p.photos,
  services: p.services.map((s) => ({
    app: s.app,
    app_name: s.appName,
    app_icon_url: s.appIconUrl,
    title: s.title,
    path: s.path,
    params: s.params,
  })),
  claimed: p.claimed,
});
const wireClaim = (c: PlaceClaim) => ({
  id: c.id,
  poi_id: c.poiId,
  org_id: c.orgId,
  evidence: c.evidence,
  status: c.status,
  reason: c.reason,
  created_at: c.createdAt,
});

export async function placesRoutes(app: FastifyInstance, options: PlacesRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { places } = options;

  r.get(
    '/api/places/:poiId',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['places'],
        summary:
          "A POI's page: name, address and place, hours, average price, photos, the services mounted on it",
        params: poiParams,
        response: { 200: placeJson },
      },
    },
    async (request) => wirePlace(await places.page(request.params.poiId)),
  );

  r.patch(
    '/api/places/:poiId',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['places'],
        summary: "Edit a POI's page (the operator, or developers of the org whose claim was approved)",
        params: poiParams,
        body: z.strictObject({
          city: z.string().max(40).optional(),
          category: z.string().max(40).optional(),
          hours: hours.optional(),
          avg_price: z.number().int().min(0).max(100_000_000).nullable().optional(),
          photos: z.array(photo).max(9).optional(),
        }),
        response: { 200: placeJson },
      },
    },
    async (request) => {
      const p = requireAccount(request);
      const { avg_price, ...rest } = request.body;
      return wirePlace(
        await places.editProfile({ operator: p.operator, accountId: p.accountId }, request.params.poiId, {
          ...rest,
          ...(avg_price !== undefined ? { avgPrice: avg_price } : {}),
        }),
      );
    },
  );

  r.post(
    '/api/places/:poiId/claims',
    {
      config: { access: ['developer'] },
      schema: {
        tags: ['places'],
        summary: 'Claim a POI for an org (reviewed by an operator)',
        params: poiParams,
        body: z.strictObject({
          org_id: z.string().min(1).max(64),
          evidence: z.string().trim().min(1).max(1000),
        }),
        response: { 201: claimJson },
      },
    },
    async (request, reply) => {
      const p = requireAccount(request);
      const claim = await places.claim(
        p.accountId,
        request.params.poiId,
        request.body.org_id,
        request.body.evidence,
      );
      return reply.code(201).send(wireClaim(claim));
    },
  );

  r.get(
    '/api/operator/place-claims',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['places'],
        summary: 'Claims on POIs, oldest first',
        querystring: z.strictObject({
          status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
        }),
        response: { 200: z.object({ items: z.array(claimJson) }) },
      },
    },
    async (request) => ({ items: (await places.claims(request.query.status)).map(wireClaim) }),
  );

  r.post(
    '/api/operator/place-claims/:claimId/review',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['places'],
        summary: 'Approve or reject a claim; an approval hands the POI to the org',
        params: z.object({ claimId: z.string().min(1).max(64) }),
        body: z.strictObject({
          approve: z.boolean(),
          reason: z.string().trim().min(1).max(500).nullable().default(null),
        }),
        response: { 200: claimJson },
      },
    },
    async (request) => {
      const p = requireOperator(request);
      return wireClaim(
        await places.review(p.accountId, request.params.claimId, request.body.approve, request.body.reason),
      );
    },
  );

  r.post(
    '/api/poi/supplier/sync',
    {
      config: { access: ['app'] },
      schema: {
        tags: ['places'],
        summary:
          "A merchant's store, synced by its own id (the shape of Douyin's /poi/supplier/sync): created or updated, its services mounted",
        body: z.strictObject({
          supplier_ext_id: z.string().min(1).max(64),
          name: z.string().trim().min(1).max(100),
          address: z.string().trim().min(1).max(300),
          latitude: z.number().min(-90).max(90),
          longitude: z.number().min(-180).max(180),
          city: z.string().max(40).default(''),
          type: z.string().max(40).default(''),
          open_time: hours.default([]),
          avg_cost: z.number().int().min(0).max(100_000_000).nullable().default(null),
          images: z.array(photo).max(9).default([]),
          services: z
            .array(
              z.strictObject({
                title: z.string().trim().min(1).max(40),
                path: z.string().min(1).max(256),
                params: params.default({}),
              }),
            )
            .max(5)
            .default([]),
        }),
        response: {
          200: z.object({ poi_id: z.string(), supplier_ext_id: z.string(), created: z.boolean() }),
        },
      },
    },
    async (request) => {
      const p = requireApp(request);
      const b = request.body;
      const result = await places.supplierSync(p.appId, {
        supplierExtId: b.supplier_ext_id,
        name: b.name,
        address: b.address,
        lat: b.latitude,
        lng: b.longitude,
        city: b.city,
        category: b.type,
        hours: b.open_time,
        avgPrice: b.avg_cost,
        photos: b.images,
        services: b.services,
      });
      return { poi_id: result.poiId, supplier_ext_id: result.supplierExtId, created: result.created };
    },
  );
}
