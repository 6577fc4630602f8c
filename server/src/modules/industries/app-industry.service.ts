import { chosenCategories, replaceChoice } from './app-industry.repository.ts';
import { findCategories, listCategories } from './category.repository.ts';
import { type Held, standing, usableCapabilities } from './category-rules.ts';
import { industryErrors } from './errors.ts';
import {
  type AppIndustries,
  type Caller,
  type IndustryCapability,
  type PaymentTerms,
  toCategory,
} from './industries.model.ts';
import type { IndustriesContext } from './industries-context.ts';
import { qualificationsOfOrg } from './qualification.repository.ts';

/** The categories an app chose, how they stand, and what they allow it now. */
export interface AppIndustryService {
  /** The app's categories with their standing (any member of its org; operators too). */
  standingOf(caller: Caller, appid: string): Promise<AppIndustries>;
  /** Replaces the app's categories (role ≥ developer); only categories without sub-categories. */
  choose(
    caller: Caller,
    appid: string,
    choice: { categories: string[]; primary: string },
  ): Promise<AppIndustries>;
  /** The same standing by the app's internal id, for other modules. */
  industriesOf(appId: string): Promise<AppIndustries>;
  /**
   * Refuses a capability the app may not use now: INDUSTRY_CAPABILITY_SUSPENDED while a
   * chosen category that allows it waits for a qualification, INDUSTRY_CAPABILITY_NOT_ALLOWED
   * when none allows it.
   */
  requireCapability(appId: string, capability: IndustryCapability): Promise<void>;
  /**
   * What a new order of the app records: its primary category's commission and holding
   * period. Refused (as `requireCapability`) when guaranteed payment is not usable now.
   */
  paymentTerms(appId: string): Promise<PaymentTerms>;
  /** The primary category's commission now, whatever the licences (orders made before terms were recorded). */
  commissionOf(appId: string): Promise<number>;
}

export type AppIndustryDeps = Pick<IndustriesContext, 'db' | 'clock' | 'apps' | 'transaction'>;

const day = 86_400_000;

export function createAppIndustryService(ctx: AppIndustryDeps): AppIndustryService {
  const { db, clock } = ctx;

  async function judge(app: { id: string; orgId: string; category: string }): Promise<AppIndustries> {
    const chosen = await chosenCategories(db, app.id);
    // An app that chose nothing stands in its profile industry, a top node of the tree.
    const choice =
      chosen.length > 0
        ? chosen.map((c) => ({ id: c.category_id, primary: Number(c.is_primary) === 1 }))
        : [{ id: app.category, primary: true }];
    const rows = await findCategories(
      db,
      choice.map((c) => c.id),
    );
    const held: Held[] = (await qualificationsOfOrg(db, app.orgId)).map((q) => ({
      licenceType: q.licence_type,
      status: q.status,
      validFrom: Number(q.valid_from),
      validUntil: Number(q.valid_until),
    }));
    const now = clock.now();
    const categories = choice.flatMap((c) => {
      const row = rows.find((r) => r.id === c.id);
      return row ? [{ ...standing(toCategory(row), held, now), primary: c.primary }] : [];
    });
    return {
      appId: app.id,
      fromProfile: chosen.length === 0,
      categories,
      capabilities: usableCapabilities(categories),
    };
  }

  async function industriesOf(appId: string): Promise<AppIndustries> {
    const app = await ctx.apps.get(appId);
    if (!app) throw industryErrors.CAPABILITY_NOT_ALLOWED({ app_id: appId });
    return judge(app);
  }

  function refusal(standing: AppIndustries, capability: IndustryCapability) {
    const waiting = standing.categories.filter(
      (c) => c.category.capabilities.includes(capability) && c.suspended.includes(capability),
    );
    return waiting.length > 0
      ? industryErrors.CAPABILITY_SUSPENDED({
          capability,
          categories: waiting.map((c) => c.category.id),
          licence_types: [...new Set(waiting.flatMap((c) => c.missing))],
        })
      : industryErrors.CAPABILITY_NOT_ALLOWED({ capability });
  }

  return {
    async standingOf(caller, appid) {
      return judge(await ctx.apps.requireRole(caller, appid, 'viewer'));
    },

    async choose(caller, appid, choice) {
      const app = await ctx.apps.requireRole(caller, appid, 'developer');
      const ids = [...new Set(choice.categories)];
      if (!ids.includes(choice.primary)) throw industryErrors.PRIMARY_NOT_CHOSEN({ primary: choice.primary });
      const all = await listCategories(db);
      for (const id of ids) {
        if (!all.some((r) => r.id === id)) throw industryErrors.CATEGORY_NOT_FOUND({ category_id: id });
        if (all.some((r) => r.parent_id === id)) throw industryErrors.NOT_A_LEAF({ category_id: id });
      }
      const now = clock.now();
      await ctx.transaction((trx) =>
        replaceChoice(
          trx,
          app.id,
          ids.map((id) => ({
            app_id: app.id,
            category_id: id,
            is_primary: id === choice.primary ? 1 : 0,
            chosen_at: now,
          })),
        ),
      );
      return judge(app);
    },

    industriesOf,

    async requireCapability(appId, capability) {
      const s = await industriesOf(appId);
      if (!s.capabilities.includes(capability)) throw refusal(s, capability);
    },

    async commissionOf(appId) {
      const s = await industriesOf(appId);
      const category = (s.categories.find((c) => c.primary) ?? s.categories[0])?.category;
      if (!category) throw industryErrors.CATEGORY_NOT_FOUND({ app_id: appId });
      return category.commissionBps;
    },

    async paymentTerms(appId) {
      const s = await industriesOf(appId);
      if (!s.capabilities.includes('guaranteed_payment')) throw refusal(s, 'guaranteed_payment');
      // Usable guaranteed payment means some category stands, so there is one to read.
      const category = (s.categories.find((c) => c.primary) ?? s.categories[0])?.category;
      if (!category) throw refusal(s, 'guaranteed_payment');
      return {
        categoryId: category.id,
        commissionBps: category.commissionBps,
        holdingMs: category.holdingDays === null ? null : category.holdingDays * day,
      };
    },
  };
}
