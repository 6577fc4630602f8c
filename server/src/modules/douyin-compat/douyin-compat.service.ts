import { type DouyinCompatDeps, douyinCompatContext } from './douyin-compat-context.ts';
import { createEcpayService, type EcpayService } from './ecpay.service.ts';
import { createPaySettingsService, type PaySettingsService } from './pay-settings.service.ts';

/** The Douyin dialect's stateful parts: payment settings and ecpay, over Plaza's own services. */
export interface DouyinCompatService {
  settings: PaySettingsService;
  ecpay: EcpayService;
}

export function createDouyinCompatService(deps: DouyinCompatDeps): DouyinCompatService {
  const ctx = douyinCompatContext(deps);
  return { settings: createPaySettingsService(ctx), ecpay: createEcpayService(ctx) };
}
