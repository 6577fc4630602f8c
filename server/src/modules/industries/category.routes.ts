import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator } from '../../http/access.ts';
import {
  categoryFields,
  categoryId,
  categoryJson,
  fromRequirements,
  idParam,
  tags,
  toCategoryJson,
} from './industries.schemas.ts';
import type { IndustriesService } from './industries.service.ts';

const params = z.strictObject({ categoryId: idParam });

/** The category tree: read by anyone, changed by operators. */
export async function categoryRoutes(
  app: FastifyInstance,
  options: { industries: IndustriesService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { categories } = options.industries;

  r.get(
    '/api/industry-categories',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags,
        summary:
          'The industry category tree: each category with the licences its apps need, the capabilities it allows, its commission and holding period',
        response: { 200: z.object({ items: z.array(categoryJson) }) },
      },
    },
    async () => ({ items: (await categories.tree()).map(toCategoryJson) }),
  );

  r.post(
    '/api/operator/industry-categories',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: 'Add a category to the tree (at most three levels deep)',
        body: z.strictObject({
          id: categoryId,
          parent_id: categoryFields.parent_id.default(null),
          name: categoryFields.name,
          position: categoryFields.position.optional(),
          commission_bps: categoryFields.commission_bps,
          holding_days: categoryFields.holding_days.default(null),
          capabilities: categoryFields.capabilities.default([]),
          requirements: categoryFields.requirements.default([]),
        }),
        response: { 201: categoryJson },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const b = request.body;
      const created = await categories.create({
        id: b.id,
        parentId: b.parent_id,
        name: b.name,
        ...(b.position === undefined ? {} : { position: b.position }),
        commissionBps: b.commission_bps,
        holdingDays: b.holding_days,
        capabilities: b.capabilities,
        requirements: fromRequirements(b.requirements),
      });
      return reply.code(201).send(toCategoryJson(created));
    },
  );

  r.patch(
    '/api/operator/industry-categories/:categoryId',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary:
          'Change a category: new orders take its new commission and holding period, orders made before keep theirs',
        params,
        body: z.strictObject({
          parent_id: categoryFields.parent_id.optional(),
          name: categoryFields.name.optional(),
          position: categoryFields.position.optional(),
          commission_bps: categoryFields.commission_bps.optional(),
          holding_days: categoryFields.holding_days.optional(),
          capabilities: categoryFields.capabilities.optional(),
          requirements: categoryFields.requirements.optional(),
        }),
        response: { 200: categoryJson },
      },
    },
    async (request) => {
      requireOperator(request);
      const b = request.body;
      const updated = await categories.update(request.params.categoryId, {
        ...(b.parent_id === undefined ? {} : { parentId: b.parent_id }),
        ...(b.name === undefined ? {} : { name: b.name }),
        ...(b.position === undefined ? {} : { position: b.position }),
        ...(b.commission_bps === undefined ? {} : { commissionBps: b.commission_bps }),
        ...(b.holding_days === undefined ? {} : { holdingDays: b.holding_days }),
        ...(b.capabilities === undefined ? {} : { capabilities: b.capabilities }),
        ...(b.requirements === undefined ? {} : { requirements: fromRequirements(b.requirements) }),
      });
      return toCategoryJson(updated);
    },
  );

  r.delete(
    '/api/operator/industry-categories/:categoryId',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: 'Remove a category no app chose, without sub-categories, that is no app profile industry',
        params,
      },
    },
    async (request, reply) => {
      requireOperator(request);
      await categories.remove(request.params.categoryId);
      return reply.code(204).send();
    },
  );
}
