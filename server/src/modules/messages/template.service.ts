import { newId } from '../../db/ids.ts';
import { type AppCaller, industryCategory } from '../apps/index.ts';
import { messageErrors } from './errors.ts';
import type { KeywordType } from './keyword-types.ts';
import type { AppTemplate, LibraryTemplate, TemplateKeyword } from './messages.model.ts';
import type { TemplateKind } from './messages.table.ts';
import type { MessagesContext } from './messages-context.ts';
import {
  deleteAppTemplate,
  findLibraryTemplate,
  insertAppTemplate,
  insertLibraryTemplate,
  listAppTemplates,
  listLibraryTemplates,
  listLongTermCategories,
  replaceLongTermCategories,
  setLibraryTemplateStatus,
} from './template.repository.ts';
import { toAppTemplate, toLibraryTemplate } from './template-rows.ts';

type TemplateDeps = Pick<MessagesContext, 'db' | 'clock' | 'apps' | 'industries'>;

export interface NewLibraryTemplate {
  category: string;
  title: string;
  kind: TemplateKind;
  keywords: { name: string; type: KeywordType }[];
}

export interface TemplateSelection {
  libraryId: string;
  /** The library keywords the app uses, by `kid`, in the order the message shows them. */
  kidList: number[];
  scene?: string | undefined;
}

/** The operator's template library per industry category, and the templates apps select from it. */
export interface TemplateService {
  /** Operator: adds a template to the library; long-term ones only for allowed categories. */
  createLibraryTemplate(input: NewLibraryTemplate): Promise<LibraryTemplate>;
  /** Operator: withdraws (or restores) a library template; apps' templates from it stop sending. */
  setLibraryTemplateBanned(id: string, banned: boolean): Promise<LibraryTemplate>;
  /** The library, optionally of one category. */
  library(category?: string): Promise<LibraryTemplate[]>;
  longTermCategories(): Promise<string[]>;
  /** Operator: the categories allowed long-term templates (replaces the set). */
  setLongTermCategories(categories: string[]): Promise<string[]>;
  /** An app selects a library template of its category and the keywords it uses; returns its template id. */
  selectTemplate(caller: AppCaller, appid: string, selection: TemplateSelection): Promise<AppTemplate>;
  appTemplates(caller: AppCaller, appid: string): Promise<AppTemplate[]>;
  removeTemplate(caller: AppCaller, appid: string, templateId: string): Promise<void>;
}

export function createTemplateService(deps: TemplateDeps): TemplateService {
  const { db, clock, apps } = deps;

  async function requireLongTermAllowed(category: string): Promise<void> {
    if (!(await listLongTermCategories(db)).includes(category)) {
      throw messageErrors.LONG_TERM_NOT_ALLOWED({ category });
    }
  }

  async function requireLibraryTemplate(id: string) {
    const row = id.length <= 64 ? await findLibraryTemplate(db, id) : undefined;
    if (!row) throw messageErrors.LIBRARY_TEMPLATE_NOT_FOUND({ id });
    return toLibraryTemplate(row);
  }

  return {
    async createLibraryTemplate(input) {
      if (!industryCategory(input.category))
        throw messageErrors.UNKNOWN_CATEGORY({ category: input.category });
      if (input.kind === 'long_term') await requireLongTermAllowed(input.category);
      const row = {
        id: newId('mlt'),
        category: input.category,
        title: input.title,
        kind: input.kind,
        keywords: JSON.stringify(input.keywords.map((k, i) => ({ kid: i + 1, name: k.name, type: k.type }))),
        status: 'active' as const,
        created_at: clock.now(),
      };
      await insertLibraryTemplate(db, row);
      return toLibraryTemplate(row);
    },

    async setLibraryTemplateBanned(id, banned) {
      await requireLibraryTemplate(id);
      await setLibraryTemplateStatus(db, id, banned ? 'banned' : 'active');
      return requireLibraryTemplate(id);
    },

    async library(category) {
      return (await listLibraryTemplates(db, category)).map(toLibraryTemplate);
    },

    longTermCategories: () => listLongTermCategories(db),

    async setLongTermCategories(categories) {
      const unique = [...new Set(categories)];
      for (const category of unique) {
        if (!industryCategory(category)) throw messageErrors.UNKNOWN_CATEGORY({ category });
      }
      await db.transaction().execute((trx) => replaceLongTermCategories(trx, unique, clock.now()));
      return listLongTermCategories(db);
    },

    async selectTemplate(caller, appid, selection) {
      const app = await apps.requireRole(caller, appid, 'developer');
      const library = await requireLibraryTemplate(selection.libraryId);
      if (library.status === 'banned') throw messageErrors.TEMPLATE_BANNED({ id: library.id });
      if (library.category !== app.category) {
        throw messageErrors.CATEGORY_MISMATCH({ template: library.category, app: app.category });
      }
      if (library.kind === 'long_term') {
        await requireLongTermAllowed(app.category);
        await deps.industries.requireCapability(app.id, 'long_term_subscription');
      }
      const keywords: TemplateKeyword[] = [];
      for (const kid of selection.kidList) {
        const keyword = library.keywords.find((k) => k.kid === kid);
        if (!keyword || keywords.some((k) => k.key === `${keyword.type}${kid}`)) {
          throw messageErrors.KEYWORDS_INVALID({ kid });
        }
        keywords.push({ key: `${keyword.type}${kid}`, name: keyword.name, type: keyword.type });
      }
      const row = {
        id: newId('tmpl'),
        app_id: app.id,
        library_id: library.id,
        title: library.title,
        kind: library.kind,
        keywords: JSON.stringify(keywords),
        scene: selection.scene ?? null,
        created_at: clock.now(),
      };
      await insertAppTemplate(db, row);
      return toAppTemplate(row, app.appid);
    },

    async appTemplates(caller, appid) {
      const app = await apps.requireRole(caller, appid, 'viewer');
      return (await listAppTemplates(db, app.id)).map((row) => toAppTemplate(row, app.appid));
    },

    async removeTemplate(caller, appid, templateId) {
      const app = await apps.requireRole(caller, appid, 'developer');
      if (!(await deleteAppTemplate(db, app.id, templateId))) {
        throw messageErrors.TEMPLATE_NOT_FOUND({ template_id: templateId });
      }
    },
  };
}
