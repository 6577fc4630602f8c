import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccountPrincipal, optionalUser, requireAccount, requireOperator } from '../../http/access.ts';
import { type SearchResult, type SearchService, searchTabs } from './search.service.ts';
import { searchKinds } from './search.table.ts';

export interface SearchRouteOptions {
  search: SearchService;
  /** Throws unless the principal may edit this app's listing (a developer of its org, or above). */
  authorizeAppEditor(account: AccountPrincipal, appid: string): Promise<void>;
}

const query = z.string().trim().min(1).max(100);
const target = z.union([
  z.object({ app: z.string(), path: z.string(), params: z.record(z.string(), z.string()) }),
  z.object({ poi: z.string() }),
  z.object({ video: z.string() }),
  z.object({ creator: z.string() }),
]);
const result = z.object({
  id: z.string(),
  kind: z.enum(searchKinds),
  title: z.string(),
  subtitle: z.string(),
  appid: z.string().nullable(),
  target,
  distance_km: z.number().optional(),
});
const wireResult = (r: SearchResult) => {
  const { distanceKm, ...rest } = r;
  return distanceKm === undefined ? rest : { ...rest, distance_km: distanceKm };
};
const entryText = z.string().trim().min(1).max(40);
const entries = z.strictObject({
  keywords: z.array(entryText).max(20),
  services: z
    .array(
      z.strictObject({
        title: entryText,
        path: z.string().min(1).max(256),
        params: z.record(z.string().max(40), z.string().max(200)).default({}),
        keywords: z.array(entryText).max(10).default([]),
      }),
    )
    .max(20),
});
const appidParams = z.object({ appid: z.string().min(1).max(64) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export async function searchRoutes(app: FastifyInstance, options: SearchRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { search } = options;

  r.post(
    '/api/searches',
    {
      // A search is recorded (the user's history, the search funnel), so it is a POST; a
      // signed-in super app's session says whose history it joins.
      config: { access: ['anonymous'], optionalSession: true, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags: ['search'],
        summary: 'Search mini programs, services, places, videos and creators (docs/search.md)',
        body: z.strictObject({
          q: query,
          tab: z.enum(searchTabs).default('all'),
          limit: z.number().int().min(1).max(50).default(20),
          near: z
            .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
            .optional(),
        }),
        response: {
          200: z.object({
            search_id: z.string().nullable(),
            query: z.string(),
            tab: z.enum(searchTabs),
            items: z.array(result),
          }),
        },
      },
    },
    async (request) => {
      const { q, tab, limit, near } = request.body;
      const page = await search.search({
        query: q,
        tab,
        limit,
        userId: optionalUser(request)?.userId ?? null,
        record: true,
        ...(near ? { near } : {}),
      });
      return {
        search_id: page.searchId,
        query: page.query,
        tab: page.tab,
        items: page.items.map(wireResult),
      };
    },
  );

  r.get(
    '/api/search/suggest',
    {
      config: { access: ['anonymous'], rateLimit: { max: 1200, timeWindow: 60_000 } },
      schema: {
        tags: ['search'],
        summary: 'Completions of what is being typed',
        querystring: z.strictObject({ q: query, limit: z.coerce.number().int().min(1).max(10).default(8) }),
        response: {
          200: z.object({ items: z.array(z.object({ text: z.string(), kind: z.enum(searchKinds) })) }),
        },
      },
    },
    async (request) => ({ items: await search.suggest(request.query.q, request.query.limit) }),
  );

  r.get(
    '/api/search/history',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['search'],
        summary: "The signed-in user's recent searches and everyone's popular ones",
        response: { 200: z.object({ recent: z.array(z.string()), popular: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const userId = optionalUser(request)?.userId ?? null;
      return {
        recent: userId ? await search.recent(userId, 10) : [],
        popular: await search.popular(10),
      };
    },
  );

  r.post(
    '/api/search/steps',
    {
      config: { access: ['anonymous'], optionalSession: true, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags: ['search'],
        summary:
          'A step after a search: a result tapped, its app opened, an order placed (each counted once)',
        body: z.strictObject({
          search_id: z.string().min(1).max(64),
          step: z.enum(['tap', 'open', 'order']),
          result_id: z.string().min(1).max(200).nullable().default(null),
        }),
        response: { 200: z.object({ counted: z.boolean() }) },
      },
    },
    async (request) => ({
      counted: await search.recordStep({
        searchId: request.body.search_id,
        step: request.body.step,
        resultId: request.body.result_id,
        userId: optionalUser(request)?.userId ?? null,
      }),
    }),
  );

  r.get(
    '/api/operator/search/funnel',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['search'],
        summary: 'Searches → result taps → app opens → orders, over a range of days (UTC, inclusive)',
        querystring: z.strictObject({ from: date, to: date }),
        response: {
          200: z.object({ search: z.number(), tap: z.number(), open: z.number(), order: z.number() }),
        },
      },
    },
    async (request) => {
      const from = Date.parse(`${request.query.from}T00:00:00Z`);
      const to = Date.parse(`${request.query.to}T00:00:00Z`) + 86_400_000;
      return search.funnel(from, Math.max(from, to));
    },
  );

  r.get(
    '/api/operator/search/dictionary',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['search'],
        summary: 'Words the operator added to the platform dictionary',
        response: {
          200: z.object({
            items: z.array(z.object({ word: z.string(), added_by: z.string(), created_at: z.number() })),
          }),
        },
      },
    },
    async () => ({
      items: (await search.dictionary()).map((w) => ({
        word: w.word,
        added_by: w.addedBy,
        created_at: w.createdAt,
      })),
    }),
  );

  r.post(
    '/api/operator/search/dictionary',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['search'],
        summary: 'Add brands, dishes or places to the dictionary; documents holding them are cut again',
        body: z.strictObject({ words: z.array(z.string().min(1).max(40)).min(1).max(100) }),
        response: { 200: z.object({ added: z.array(z.string()), reindexed: z.number() }) },
      },
    },
    async (request) => {
      return search.addWords(request.body.words, requireOperator(request).accountId);
    },
  );

  r.get(
    '/api/apps/:appid/search-entries',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['search'],
        summary: "The app's search keywords and services (entry pages)",
        params: appidParams,
        response: { 200: entries },
      },
    },
    async (request) => {
      await options.authorizeAppEditor(requireAccount(request), request.params.appid);
      return search.entriesOf(request.params.appid);
    },
  );

  r.put(
    '/api/apps/:appid/search-entries',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['search'],
        summary: "Declare the app's search keywords and services: entry pages such as 点外卖 or 订座",
        params: appidParams,
        body: entries,
        response: { 200: entries },
      },
    },
    async (request) => {
      await options.authorizeAppEditor(requireAccount(request), request.params.appid);
      return search.declareEntries(request.params.appid, request.body);
    },
  );
}
