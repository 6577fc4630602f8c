import { newSecret } from '../../db/ids.ts';
import type { AppCaller } from '../apps/index.ts';
import type { DouyinCompatContext } from './douyin-compat-context.ts';
import { douyinErrors } from './errors.ts';
import { findPaySettings, savePaySettings } from './pay-settings.repository.ts';

/** An app's Douyin payment settings: what signs requests, what signs callbacks, where they go. */
export interface PaySettings {
  salt: string;
  callbackToken: string;
  notifyUrl: string | null;
  updatedAt: number;
}

export interface PaySettingsChange {
  /** A merchant moving from Douyin keeps the SALT their server signs with; absent keeps or makes one. */
  salt?: string;
  callbackToken?: string;
  notifyUrl?: string | null;
}

export interface PaySettingsService {
  /** The settings (role ≥ developer); undefined when none were set. */
  get(caller: AppCaller, appid: string): Promise<PaySettings | undefined>;
  /** Sets them (role ≥ admin); a SALT or token not given is kept, or made on first use. */
  set(caller: AppCaller, appid: string, change: PaySettingsChange): Promise<PaySettings>;
}

export type PaySettingsDeps = Pick<DouyinCompatContext, 'db' | 'clock' | 'apps'>;

/** Douyin's SALT and token are 32–40 characters; anything from 16 to 128 is taken. */
const secretLength = { min: 16, max: 128 };

function checkSecret(value: string | undefined): void {
  if (value === undefined) return;
  if (value.length < secretLength.min || value.length > secretLength.max || value.trim() !== value)
    throw douyinErrors.INVALID_SETTINGS({ min_length: secretLength.min, max_length: secretLength.max });
}

export function createPaySettingsService(ctx: PaySettingsDeps): PaySettingsService {
  const { db, clock, apps } = ctx;
  const toSettings = (row: {
    salt: string;
    callback_token: string;
    notify_url: string | null;
    updated_at: number;
  }): PaySettings => ({
    salt: row.salt,
    callbackToken: row.callback_token,
    notifyUrl: row.notify_url,
    updatedAt: Number(row.updated_at),
  });

  return {
    async get(caller, appid) {
      const app = await apps.requireRole(caller, appid, 'developer');
      const row = await findPaySettings(db, app.id);
      return row && toSettings(row);
    },

    async set(caller, appid, change) {
      checkSecret(change.salt);
      checkSecret(change.callbackToken);
      const app = await apps.requireRole(caller, appid, 'admin');
      const current = await findPaySettings(db, app.id);
      const row = {
        app_id: app.id,
        salt: change.salt ?? current?.salt ?? newSecret(24),
        callback_token: change.callbackToken ?? current?.callback_token ?? newSecret(24),
        notify_url: change.notifyUrl === undefined ? (current?.notify_url ?? null) : change.notifyUrl,
        updated_at: clock.now(),
      };
      await savePaySettings(db, row);
      return toSettings(row);
    },
  };
}
