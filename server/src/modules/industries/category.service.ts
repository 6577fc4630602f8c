import { countAppsChoosing } from './app-industry.repository.ts';
import {
  countChildren,
  deleteCategory,
  findCategory,
  insertCategory,
  listCategories,
  nextPosition,
  updateCategory,
} from './category.repository.ts';
import { industryErrors } from './errors.ts';
import {
  type CategoryInput,
  type CategoryPatch,
  categoryColumns,
  type IndustryCategory,
  toCategory,
} from './industries.model.ts';
import type { IndustriesContext } from './industries-context.ts';

/** The operator's category tree. */
export interface CategoryService {
  /** Every category, parents before their children's siblings, by position. */
  tree(): Promise<IndustryCategory[]>;
  get(id: string): Promise<IndustryCategory>;
  create(input: CategoryInput): Promise<IndustryCategory>;
  /** Changes a category; orders already created keep the terms they recorded. */
  update(id: string, patch: CategoryPatch): Promise<IndustryCategory>;
  remove(id: string): Promise<void>;
}

export type CategoryDeps = Pick<IndustriesContext, 'db' | 'clock' | 'profileIndustries' | 'transaction'>;

const maxDepth = 3;

/** A qualification gates only what its category allows. */
function checkGrants(c: Pick<IndustryCategory, 'capabilities' | 'requirements'>): void {
  for (const r of c.requirements)
    for (const g of r.grants)
      if (!c.capabilities.includes(g))
        throw industryErrors.GRANT_NOT_ALLOWED({ licence_type: r.licenceType, capability: g });
}

export function createCategoryService(ctx: CategoryDeps): CategoryService {
  const { db, clock } = ctx;

  async function get(id: string): Promise<IndustryCategory> {
    const row = await findCategory(db, id);
    if (!row) throw industryErrors.CATEGORY_NOT_FOUND({ category_id: id });
    return toCategory(row);
  }

  /** The parent exists, is not `id` or below it, and the new node stays within the depth. */
  async function checkParent(id: string, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const all = new Map((await listCategories(db)).map((r) => [r.id, r]));
    if (!all.has(parentId)) throw industryErrors.PARENT_NOT_FOUND({ parent_id: parentId });
    let depth = 1;
    for (let at: string | null = parentId; at !== null; at = all.get(at)?.parent_id ?? null) {
      if (at === id) throw industryErrors.CATEGORY_CYCLE({ parent_id: parentId });
      depth++;
    }
    // Sub-categories of the moved node count too.
    const below = (node: string): number =>
      1 + Math.max(0, ...[...all.values()].filter((r) => r.parent_id === node).map((r) => below(r.id)));
    const height = all.has(id) ? below(id) : 1;
    if (depth - 1 + height > maxDepth) throw industryErrors.TREE_TOO_DEEP({ max_depth: maxDepth });
  }

  return {
    async tree() {
      return (await listCategories(db)).map(toCategory);
    },
    get,

    async create(input) {
      checkGrants(input);
      await checkParent(input.id, input.parentId);
      const now = clock.now();
      const inserted = await insertCategory(db, {
        id: input.id,
        parent_id: input.parentId,
        name: input.name,
        position: input.position ?? (await nextPosition(db)),
        commission_bps: input.commissionBps,
        holding_days: input.holdingDays,
        ...categoryColumns(input),
        created_at: now,
        updated_at: now,
      });
      if (!inserted) throw industryErrors.CATEGORY_EXISTS({ category_id: input.id });
      return get(input.id);
    },

    async update(id, patch) {
      const current = await get(id);
      const next = { ...current, ...patch };
      checkGrants(next);
      if (patch.parentId !== undefined) await checkParent(id, patch.parentId);
      await updateCategory(db, id, {
        parent_id: next.parentId,
        name: next.name,
        position: next.position,
        commission_bps: next.commissionBps,
        holding_days: next.holdingDays,
        ...categoryColumns(next),
        updated_at: clock.now(),
      });
      return get(id);
    },

    async remove(id) {
      await get(id);
      await ctx.transaction(async (trx) => {
        const children = await countChildren(trx, id);
        const apps = await countAppsChoosing(trx, id);
        const profile = ctx.profileIndustries.includes(id);
        if (children > 0 || apps > 0 || profile)
          throw industryErrors.CATEGORY_IN_USE({ sub_categories: children, apps, profile_industry: profile });
        await deleteCategory(trx, id);
      });
    },
  };
}
