import { type DouyinCompatDeps, douyinCompatContext } from './douyin-compat-context.ts';
import { createEcpayService, type EcpayService } from './ecpay.service.ts';
import { createPaySettingsService, type PaySettingsService } from './pay-settings.service.ts';
import { createTradeService, type TradeService } from './trade.service.ts';

/** The Douyin dialect's stateful parts: payment settings, ecpay and trade_basic, over Plaza's own services. */
export interface DouyinCompatService {
  settings: PaySettingsService;
  ecpay: EcpayService;
  trade: TradeService;
}

export function createDouyinCompatService(deps: DouyinCompatDeps): DouyinCompatService {
  const ctx = douyinCompatContext(deps);
  return {
    settings: createPaySettingsService(ctx),
    ecpay: createEcpayService(ctx),
    trade: createTradeService(ctx),
  };
}
