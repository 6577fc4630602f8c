import type { AppCaller } from '../apps/index.ts';
import type { DouyinCompatContext } from './douyin-compat-context.ts';
import { douyinErrors } from './errors.ts';
import { findTradeSettings, saveTradeSettings } from './trade.repository.ts';
import { normalisedPublicKey, publicKeyProblem } from './trade-signature.ts';

/** An app's trade-system settings as the console shows them. */
export interface TradeSettings {
  publicKey: string;
  keyVersion: string;
  notifyUrl: string | null;
  updatedAt: number;
}

export interface TradeSettingsService {
  /** The settings (role ≥ developer); undefined when no key was registered. */
  get(caller: AppCaller, appid: string): Promise<TradeSettings | undefined>;
  /**
   * Registers the app's RSA public key (role ≥ admin), checked to be a real PEM RSA key of
   * at least 2048 bits; a new key with no version named counts one up from the last.
   */
  set(
    caller: AppCaller,
    appid: string,
    change: { publicKey: string; keyVersion?: string; notifyUrl?: string | null },
  ): Promise<TradeSettings>;
  /** Plaza's public key the merchant checks `Byte-Signature` with (SPKI PEM). */
  platformPublicKey(): Promise<string>;
}

export type TradeSettingsDeps = Pick<DouyinCompatContext, 'db' | 'clock' | 'apps' | 'tradeKey'>;

const toSettings = (row: {
  public_key: string;
  key_version: string;
  notify_url: string | null;
  updated_at: number;
}): TradeSettings => ({
  publicKey: row.public_key,
  keyVersion: row.key_version,
  notifyUrl: row.notify_url,
  updatedAt: Number(row.updated_at),
});

export function createTradeSettingsService(ctx: TradeSettingsDeps): TradeSettingsService {
  const { db, clock, apps } = ctx;
  return {
    async get(caller, appid) {
      const app = await apps.requireRole(caller, appid, 'developer');
      const row = await findTradeSettings(db, app.id);
      return row && toSettings(row);
    },

    async set(caller, appid, change) {
      const problem = publicKeyProblem(change.publicKey);
      if (problem) throw douyinErrors.TRADE_KEY_INVALID({ reason: problem });
      const app = await apps.requireRole(caller, appid, 'admin');
      const current = await findTradeSettings(db, app.id);
      const publicKey = normalisedPublicKey(change.publicKey);
      const keyVersion =
        change.keyVersion ??
        (current === undefined
          ? '1'
          : current.public_key === publicKey
            ? current.key_version
            : String((Number.parseInt(current.key_version, 10) || 0) + 1));
      const row = {
        app_id: app.id,
        public_key: publicKey,
        key_version: keyVersion,
        notify_url: change.notifyUrl === undefined ? (current?.notify_url ?? null) : change.notifyUrl,
        updated_at: clock.now(),
      };
      await saveTradeSettings(db, row);
      return toSettings(row);
    },

    async platformPublicKey() {
      return (await ctx.tradeKey()).publicKey;
    },
  };
}
