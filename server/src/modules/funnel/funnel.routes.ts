import type * as Wire from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccountPrincipal, requireAccount } from '../../http/access.ts';
import { funnelErrors } from './errors.ts';
import { dayOfDate, type FunnelService } from './funnel.service.ts';

export interface FunnelRouteOptions {
  funnel: FunnelService;
  /** Throws unless the account may read this app's figures (a member of its org, or an operator). */
  authorizeAppReader(account: AccountPrincipal, appid: string): Promise<void>;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const day = z.object({
  date: z.string(),
  anchor_exposure: z.number(),
  anchor_click: z.number(),
  app_open: z.number(),
  login: z.number(),
  paid: z.number(),
  settled: z.number(),
  settled_amount: z.number(),
});

// The shape clients read comes from @plaza/api-types: this schema must describe it exactly.
const sameDay: Wire.SameShape<z.infer<typeof day>, Wire.FunnelDay> = true;
void sameDay;

export async function funnelRoutes(app: FastifyInstance, options: FunnelRouteOptions): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/apps/:appid/funnel',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['funnel'],
        summary:
          "The app's funnel per day: anchor exposures → clicks → opens → logins → paid orders → settled amount",
        params: z.object({ appid: z.string().min(1).max(64) }),
        querystring: z.strictObject({ from: date, to: date }),
        response: { 200: z.object({ appid: z.string(), days: z.array(day) }) },
      },
    },
    async (request) => {
      const { appid } = request.params;
      const { from, to } = request.query;
      const span = dayOfDate(to) - dayOfDate(from);
      if (!(span >= 0 && span <= 366)) throw funnelErrors.RANGE_INVALID();
      await options.authorizeAppReader(requireAccount(request), appid);
      const days = await options.funnel.daily(appid, from, to);
      return {
        appid,
        days: days.map((d) => ({ date: d.date, ...d.steps, settled_amount: d.settledAmount })),
      };
    },
  );
}
