import { type AppIndustryService, createAppIndustryService } from './app-industry.service.ts';
import { type CategoryService, createCategoryService } from './category.service.ts';
import { type IndustriesDeps, industriesContext } from './industries-context.ts';
import { createQualificationService, type QualificationService } from './qualification.service.ts';

/**
 * Industries and qualifications: the operator's category tree with each category's
 * licences, capabilities and money terms; the licences orgs hold and their review; the
 * categories apps choose, and what those allow them now.
 *
 * @example
 * const industries = createIndustriesService({ db, clock, blobs, jobs, apps, orgs, webhooks, profileIndustries });
 * await industries.apps.requireCapability(appId, 'live_mounting');
 */
export interface IndustriesService {
  categories: CategoryService;
  qualifications: QualificationService;
  apps: AppIndustryService;
}

export function createIndustriesService(deps: IndustriesDeps): IndustriesService {
  const ctx = industriesContext(deps);
  return {
    categories: createCategoryService(ctx),
    qualifications: createQualificationService(ctx),
    apps: createAppIndustryService(ctx),
  };
}
