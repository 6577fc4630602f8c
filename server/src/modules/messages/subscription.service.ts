import { type App, appErrors } from '../apps/index.ts';
import { messageErrors } from './errors.ts';
import type { AppTemplate, SubscribeResult, SubscribeSheet, SubscribeSheetItem } from './messages.model.ts';
import type { MessagesContext } from './messages-context.ts';
import {
  findSubscriptions,
  listMutesOfUser,
  listSubscriptionsOfUser,
  recordAnswer,
  revokeSubscriptions,
  setMuted,
} from './subscription.repository.ts';
import { findAppTemplates, findLibraryTemplate, listLongTermCategories } from './template.repository.ts';
import { toAppTemplate } from './template-rows.ts';

type SubscriptionDeps = Pick<MessagesContext, 'db' | 'clock' | 'apps' | 'industries'>;

/** At most this many templates in one consent request, as on Douyin and WeChat. */
export const maxTemplatesPerRequest = 3;

/** One template the user holds consent for, on their subscriptions page. */
export interface Subscription {
  appid: string;
  templateId: string;
  title: string;
  kind: AppTemplate['kind'];
  /** Unused one-time sends. */
  credits: number;
  longTerm: boolean;
  remembered: 'accept' | 'reject' | null;
}

/** The user's side of subscription messages: the consent sheet, its answers, revocation and muting. */
export interface SubscriptionService {
  /**
   * What the host's sheet shows for a `requestSubscribeMessage` call: refuses more than 3
   * ids, ids of another app, and one-time mixed with long-term.
   */
  sheet(userId: string, appid: string, templateIds: string[]): Promise<SubscribeSheet>;
  /**
   * Records the user's answers (`accept` per id the user ticked); `always` remembers them.
   * Remembered and unavailable templates keep their answer whatever was posted.
   */
  answer(
    userId: string,
    appid: string,
    input: { templateIds: string[]; accepted: string[]; always: boolean },
  ): Promise<{ results: Record<string, SubscribeResult>; sheet: SubscribeSheet }>;
  subscriptions(userId: string): Promise<Subscription[]>;
  /** Withdraws long-term consent and the remembered choices (of one template, or all of the app's). */
  revoke(userId: string, appid: string, templateId?: string): Promise<{ revoked: number }>;
  /** Mutes (or unmutes) an app: while muted, its sends to the user are refused. */
  mute(userId: string, appid: string, muted: boolean): Promise<{ muted: boolean }>;
  mutedApps(userId: string): Promise<{ appid: string; mutedAt: number }[]>;
}

export function createSubscriptionService(deps: SubscriptionDeps): SubscriptionService {
  const { db, clock, apps } = deps;

  async function sheetOf(userId: string, app: App, templateIds: string[]): Promise<SubscribeSheet> {
    const ids = [...new Set(templateIds)];
    if (ids.length > maxTemplatesPerRequest) throw messageErrors.TOO_MANY_TEMPLATES({ count: ids.length });
    const rows = await findAppTemplates(db, ids);
    const templates = ids.map((id) => {
      const row = rows.find((r) => r.id === id && r.app_id === app.id);
      if (!row) throw messageErrors.TEMPLATE_NOT_FOUND({ template_id: id });
      return toAppTemplate(row, app.appid);
    });
    const kind = templates[0]?.kind ?? 'one_time';
    if (templates.some((t) => t.kind !== kind)) throw messageErrors.MIXED_KINDS();
    // Long-term consent needs the operator's list and, now, the capability from the app's categories.
    const longTermAllowed =
      kind === 'long_term' &&
      (await listLongTermCategories(db)).includes(app.category) &&
      (await deps.industries.industriesOf(app.id)).capabilities.includes('long_term_subscription');
    const held = await findSubscriptions(db, app.id, userId, ids);
    const items: SubscribeSheetItem[] = [];
    for (const template of templates) {
      const library = await findLibraryTemplate(db, template.libraryId);
      const banned = library?.status !== 'active' || (kind === 'long_term' && !longTermAllowed);
      const repeats = items.some((i) => i.template.title === template.title);
      items.push({
        template,
        remembered: held.find((s) => s.template_id === template.id)?.remembered ?? null,
        unavailable: banned ? 'ban' : repeats ? 'filter' : null,
      });
    }
    return {
      app: { appid: app.appid, name: app.name, iconUrl: app.iconUrl },
      kind,
      items,
      decided: items.every((i) => i.remembered !== null || i.unavailable !== null),
    };
  }

  return {
    async sheet(userId, appid, templateIds) {
      return sheetOf(userId, await apps.requireActive(appid), templateIds);
    },

    async answer(userId, appid, input) {
      const app = await apps.requireActive(appid);
      const sheet = await sheetOf(userId, app, input.templateIds);
      const results: Record<string, SubscribeResult> = {};
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        for (const item of sheet.items) {
          const id = item.template.id;
          if (item.unavailable !== null) {
            results[id] = item.unavailable;
            continue;
          }
          const accept = item.remembered ? item.remembered === 'accept' : input.accepted.includes(id);
          results[id] = accept ? 'accept' : 'reject';
          const remember = item.remembered ?? (input.always ? (accept ? 'accept' : 'reject') : null);
          await recordAnswer(
            trx,
            { appId: app.id, userId, templateId: id },
            { accept, longTerm: item.template.kind === 'long_term', remember },
            now,
          );
        }
      });
      return { results, sheet: await sheetOf(userId, app, input.templateIds) };
    },

    async subscriptions(userId) {
      const rows = await listSubscriptionsOfUser(db, userId);
      const templates = await findAppTemplates(
        db,
        rows.map((r) => r.template_id),
      );
      const out: Subscription[] = [];
      for (const row of rows) {
        const template = templates.find((t) => t.id === row.template_id);
        const app = await apps.get(row.app_id);
        if (!template || !app) continue;
        out.push({
          appid: app.appid,
          templateId: row.template_id,
          title: template.title,
          kind: template.kind,
          credits: Number(row.credits),
          longTerm: Number(row.long_term) === 1,
          remembered: row.remembered,
        });
      }
      return out;
    },

    async revoke(userId, appid, templateId) {
      const app = await apps.findByAppid(appid);
      if (!app) throw appErrors.NOT_FOUND({ appid });
      return { revoked: await revokeSubscriptions(db, userId, app.id, templateId, clock.now()) };
    },

    async mute(userId, appid, muted) {
      const app = await apps.requireActive(appid);
      await setMuted(db, userId, app.id, muted, clock.now());
      return { muted };
    },

    async mutedApps(userId) {
      const out: { appid: string; mutedAt: number }[] = [];
      for (const row of await listMutesOfUser(db, userId)) {
        const app = await apps.get(row.app_id);
        if (app) out.push({ appid: app.appid, mutedAt: Number(row.muted_at) });
      }
      return out;
    },
  };
}
