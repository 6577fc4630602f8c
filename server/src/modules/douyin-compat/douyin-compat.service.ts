import { type DouyinCompatDeps, douyinCompatContext } from './douyin-compat-context.ts';
import { createEcpayService, type EcpayService } from './ecpay.service.ts';
import { createPaySettingsService, type PaySettingsService } from './pay-settings.service.ts';
import { createRequestOrderService, type RequestOrderService } from './request-order.service.ts';
import { createTradeService, type TradeService } from './trade.service.ts';
import { createTradeSettingsService, type TradeSettingsService } from './trade-settings.service.ts';

/**
 * The Douyin dialect's stateful parts: payment settings, ecpay, the trade system (its
 * settings, `tt.requestOrder`, trade_basic), over Plaza's own services.
 */
export interface DouyinCompatService {
  settings: PaySettingsService;
  ecpay: EcpayService;
  trade: TradeService;
  tradeSettings: TradeSettingsService;
  requestOrder: RequestOrderService;
}

export function createDouyinCompatService(deps: DouyinCompatDeps): DouyinCompatService {
  const ctx = douyinCompatContext(deps);
  return {
    settings: createPaySettingsService(ctx),
    ecpay: createEcpayService(ctx),
    trade: createTradeService(ctx),
    tradeSettings: createTradeSettingsService(ctx),
    requestOrder: createRequestOrderService(ctx),
  };
}
