import type { AppCategory } from '@plaza/api-types/console';
import { consoleApi } from '../kit/console-api.ts';

let categories: Promise<AppCategory[]> | undefined;

/** The platform's industry categories, asked once per page load. */
export function appCategories(): Promise<AppCategory[]> {
  categories ??= consoleApi<{ categories: AppCategory[] }>('GET', '/api/app-categories').then(
    (r) => r.categories,
  );
  return categories;
}
