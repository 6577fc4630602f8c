import { failReason } from '../api/api-conventions.ts';
import type { HostCapabilities } from '../api/host-capabilities.ts';
import { isPlainObject } from '../data/plain-data.ts';

/**
 * A `<button open-type>` tap asks the host for consent before the handler runs; the
 * answer becomes the event's detail, as the dialects deliver it.
 */
export async function openTypeDetail(
  host: HostCapabilities,
  openType: string,
  detail: unknown,
): Promise<unknown> {
  const base = isPlainObject(detail) ? detail : {};
  try {
    if (openType === 'getPhoneNumber')
      return { ...base, ...(await host.getPhoneNumber()), errMsg: 'getPhoneNumber:ok' };
    if (openType === 'getUserInfo')
      return { ...base, ...(await host.getUserProfile({})), errMsg: 'getUserInfo:ok' };
  } catch (error) {
    return { ...base, errMsg: `${openType}:fail ${failReason(error)}` };
  }
  return base;
}
